//! PNG files: the rasterised scene, with text chunks that make the image citable (the instant,
//! the dataset and its version, the app and its version, the sources) and, for print, its
//! resolution (a pHYs chunk).

use super::{PaintError, WriteSeek};
use tiny_skia::Pixmap;

/// Encodes `pixmap` as PNG with `text` as UTF-8 text chunks (keyword, value) and, when given,
/// its print resolution in pixels per metre. Without one, the PNG records none (viewers then
/// take their own, usually 72 or 96 dpi) rather than claiming one.
pub fn write(
    pixmap: &Pixmap,
    text: &[(String, String)],
    pixels_per_metre: Option<u32>,
    out: &mut dyn WriteSeek,
) -> Result<(), PaintError> {
    let mut encoder = png::Encoder::new(out, pixmap.width(), pixmap.height());
    let opaque = super::raster::opaque(pixmap);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fastest);
    encoder.set_pixel_dims(pixels_per_metre.map(|ppm| png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    for (keyword, value) in text {
        encoder.add_itxt_chunk(keyword.clone(), value.clone())?;
    }
    let mut writer = encoder.write_header()?;
    // Row by row: a whole 1080p image as bytes would be 6 MB more to allocate and fault in.
    let mut stream = writer.stream_writer_with_size(1 << 16)?;
    let width = pixmap.width() as usize;
    let channels = if opaque { 3 } else { 4 };
    let mut row = vec![0u8; width * channels];
    let bytes = pixmap.data().chunks_exact(width.max(1) * 4);
    for (line, bytes) in pixmap.pixels().chunks_exact(width.max(1)).zip(bytes) {
        if opaque {
            // Opaque premultiplied pixels are their own straight colours: RGBA bytes to RGB.
            for (out, p) in row.chunks_exact_mut(3).zip(bytes.chunks_exact(4)) {
                out.copy_from_slice(&p[..3]);
            }
        } else {
            for (out, p) in row.chunks_exact_mut(4).zip(line) {
                let c = p.demultiply();
                out.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
            }
        }
        std::io::Write::write_all(&mut stream, &row).map_err(|e| PaintError::Png(e.to_string()))?;
    }
    stream.finish()?;
    Ok(writer.finish()?)
}
