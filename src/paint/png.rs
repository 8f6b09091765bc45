//! PNG files: the rasterised scene, with text chunks that make the image citable (the instant,
//! the dataset and its version, the app and its version, the sources).

use super::{PaintError, WriteSeek};
use tiny_skia::Pixmap;

/// Encodes `pixmap` as PNG with `text` as UTF-8 text chunks (keyword, value).
pub fn write(
    pixmap: &Pixmap,
    text: &[(String, String)],
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
    for (keyword, value) in text {
        encoder.add_itxt_chunk(keyword.clone(), value.clone())?;
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&if opaque {
        super::raster::rgb(pixmap)
    } else {
        super::raster::rgba(pixmap)
    })?;
    Ok(writer.finish()?)
}
