//! PNG files: the rasterised scene, with text chunks that make the image citable (the instant,
//! the dataset and its version, the app and its version, the sources) and, for print, its
//! resolution (a pHYs chunk).

use super::{PaintError, WriteSeek};
use tiny_skia::{Pixmap, PremultipliedColorU8};

/// What goes into a PNG besides its pixels.
pub struct Header<'a> {
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// Every pixel is opaque: stored as RGB, else as RGBA.
    pub opaque: bool,
    /// UTF-8 text chunks (keyword, value).
    pub text: &'a [(String, String)],
    /// The print resolution in pixels per metre. Without one, the PNG records none (viewers
    /// then take their own, usually 72 or 96 dpi) rather than claiming one.
    pub pixels_per_metre: Option<u32>,
}

/// Encodes `pixmap` as PNG.
pub fn write(
    pixmap: &Pixmap,
    text: &[(String, String)],
    pixels_per_metre: Option<u32>,
    out: &mut dyn WriteSeek,
) -> Result<(), PaintError> {
    let header = Header {
        size: [pixmap.width(), pixmap.height()],
        opaque: super::raster::opaque(pixmap),
        text,
        pixels_per_metre,
    };
    write_rows(&header, out, |rows| rows(pixmap.data()))
}

/// Encodes a PNG whose pixels `produce` hands, top to bottom, to the function it is given:
/// premultiplied RGBA bytes, whole rows at a time.
pub fn write_rows(
    header: &Header<'_>,
    out: &mut dyn WriteSeek,
    produce: impl FnOnce(&mut dyn FnMut(&[u8]) -> Result<(), PaintError>) -> Result<(), PaintError>,
) -> Result<(), PaintError> {
    let [width, height] = header.size;
    let mut encoder = png::Encoder::new(out, width, height);
    let opaque = header.opaque;
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fastest);
    encoder.set_pixel_dims(header.pixels_per_metre.map(|ppm| png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    for (keyword, value) in header.text {
        encoder.add_itxt_chunk(keyword.clone(), value.clone())?;
    }
    let mut writer = encoder.write_header()?;
    // Row by row: a whole 1080p image as bytes would be 6 MB more to allocate and fault in.
    let mut stream = writer.stream_writer_with_size(1 << 16)?;
    let width = width as usize;
    let mut row = vec![0u8; width * if opaque { 3 } else { 4 }];
    produce(&mut |bytes: &[u8]| {
        for line in bytes.chunks_exact((width * 4).max(1)) {
            let pixels = line.chunks_exact(4);
            if opaque {
                // Opaque premultiplied pixels are their own straight colours: RGBA to RGB.
                for (out, p) in row.chunks_exact_mut(3).zip(pixels) {
                    out.copy_from_slice(&p[..3]);
                }
            } else {
                for (out, p) in row.chunks_exact_mut(4).zip(pixels) {
                    let c = PremultipliedColorU8::from_rgba(p[0], p[1], p[2], p[3])
                        .unwrap_or(PremultipliedColorU8::TRANSPARENT)
                        .demultiply();
                    out.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
                }
            }
            std::io::Write::write_all(&mut stream, &row)
                .map_err(|e| PaintError::Png(e.to_string()))?;
        }
        Ok(())
    })?;
    stream.finish()?;
    Ok(writer.finish()?)
}
