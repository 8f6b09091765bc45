//! Animated GIF: frames share one palette (the style's exact colours first, then colours learned
//! from a representative frame), and each frame after the first stores only the rectangle that
//! changed. Mapping pixels to the palette ([`Indexer`]) is separate from writing, so frames can
//! be indexed on several threads while one thread writes them in order.

use super::PaintError;
use color_quant::NeuQuant;
use std::io::Write;
use std::sync::Arc;

/// At most this many of the 256 palette entries hold exact style colours.
const MAX_EXACT: usize = 128;
/// The palette entry that is no colour: a pixel of a later frame that is the same as in the
/// frame before is written as this index, and the frame before shows through. Long runs of
/// one index make the compression faster and the file smaller.
const UNCHANGED: u8 = 255;
/// The learned part of the palette is taken from about this many sample pixels.
const SAMPLE_PIXELS: usize = 160_000;

/// The 255 colours every frame of one GIF uses (the 256th entry is [`UNCHANGED`]).
#[derive(Debug, Clone)]
pub struct Palette {
    colours: Arc<Vec<[u8; 3]>>,
}

impl Palette {
    /// `exact` colours are kept exactly; the rest are learned from `sample` (opaque RGBA bytes
    /// of a representative frame).
    pub fn new(exact: &[[u8; 3]], sample: &[u8]) -> Palette {
        let mut colours: Vec<[u8; 3]> = Vec::with_capacity(256);
        for c in exact {
            if !colours.contains(c) && colours.len() < MAX_EXACT {
                colours.push(*c);
            }
        }
        // Every n-th pixel is enough to learn the anti-aliased edges and text shades.
        let pixels = sample.len() / 4;
        let stride = (pixels / SAMPLE_PIXELS).max(1);
        let thinned: Vec<u8> = sample
            .chunks_exact(4)
            .step_by(stride)
            .flatten()
            .copied()
            .collect();
        if !thinned.is_empty() {
            let room = usize::from(UNCHANGED) - colours.len();
            let learned = NeuQuant::new(10, room, &thinned).color_map_rgb();
            for c in learned.chunks_exact(3) {
                let c = [c[0], c[1], c[2]];
                if colours.len() < usize::from(UNCHANGED) && !colours.contains(&c) {
                    colours.push(c);
                }
            }
        }
        Palette {
            colours: Arc::new(colours),
        }
    }

    /// The palette as the flat RGB bytes a GIF stores, 256 entries.
    fn flat(&self) -> Vec<u8> {
        let mut flat: Vec<u8> = self.colours.iter().flatten().copied().collect();
        flat.resize(256 * 3, 0);
        flat
    }

    /// The entry nearest to `c`, weighting green most as the eye does.
    fn nearest(&self, c: [u8; 3]) -> u8 {
        let d = |p: &[u8; 3]| -> i32 {
            let (dr, dg, db) = (
                i32::from(p[0]) - i32::from(c[0]),
                i32::from(p[1]) - i32::from(c[1]),
                i32::from(p[2]) - i32::from(c[2]),
            );
            2 * dr * dr + 4 * dg * dg + 3 * db * db
        };
        self.colours
            .iter()
            .enumerate()
            .min_by_key(|(_, p)| d(p))
            .map_or(0, |(i, _)| u8::try_from(i).unwrap_or(u8::MAX))
    }
}

/// Slots of an [`Indexer`]'s colour memory.
const SLOTS: usize = 1 << 16;
/// An empty slot: no colour is remembered with the index [`UNCHANGED`].
const EMPTY: u32 = u32::MAX;

/// Maps pixels to a palette, remembering the colours it has seen: each colour has a slot (a
/// hash of it) holding the colour and its index; a colour not in its slot is matched to the
/// palette again and takes the slot.
#[derive(Clone)]
pub struct Indexer {
    palette: Palette,
    /// Colour (RGB, 24 bits) and palette index (8 bits), or [`EMPTY`].
    memory: Vec<u32>,
}

impl Indexer {
    pub fn new(palette: &Palette) -> Indexer {
        Indexer {
            palette: palette.clone(),
            memory: vec![EMPTY; SLOTS],
        }
    }

    /// The palette indices of opaque RGBA bytes.
    pub fn index(&mut self, rgba: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; rgba.len() / 4];
        // Maps have long runs of one colour: check the previous pixel before the memory.
        let (mut last_key, mut last) = (EMPTY, 0u8);
        for (o, p) in out.iter_mut().zip(rgba.chunks_exact(4)) {
            let key = u32::from(p[0]) << 16 | u32::from(p[1]) << 8 | u32::from(p[2]);
            if key != last_key {
                let slot = (key.wrapping_mul(0x9E37_79B1) >> 16) as usize % SLOTS;
                let kept = self.memory[slot];
                last = if kept != EMPTY && kept >> 8 == key {
                    kept as u8
                } else {
                    let i = self.palette.nearest([p[0], p[1], p[2]]);
                    self.memory[slot] = key << 8 | u32::from(i);
                    i
                };
                last_key = key;
            }
            *o = last;
        }
        out
    }
}

/// `size` in pixels as a GIF records it, or an error when it is too big to.
pub fn gif_size(size: [u32; 2]) -> Result<[u16; 2], PaintError> {
    let too_big = || PaintError::GifTooLarge(size[0], size[1]);
    Ok([
        u16::try_from(size[0]).map_err(|_| too_big())?,
        u16::try_from(size[1]).map_err(|_| too_big())?,
    ])
}

/// A frame ready to be written: the rectangle that changed since the frame before, its
/// unchanged pixels see-through, compressed.
pub struct EncodedFrame(gif::Frame<'static>);

/// Compresses frame `indexed` (palette indices, `size` pixels) shown after `previous` (none
/// for the first frame) for `delay_cs` hundredths of a second. The slow part of writing a
/// GIF, it may run on any thread.
pub fn encode_frame(
    indexed: &[u8],
    previous: Option<&[u8]>,
    size: [u16; 2],
    delay_cs: u16,
) -> Result<EncodedFrame, PaintError> {
    let [w, h] = size.map(usize::from);
    let right_size = |f: &[u8]| {
        if f.len() == w * h {
            Ok(())
        } else {
            Err(PaintError::FrameSize {
                pixels: f.len(),
                width: w,
                height: h,
            })
        }
    };
    right_size(indexed)?;
    previous.map_or(Ok(()), right_size)?;
    let (x0, y0, x1, y1) = match previous {
        None => (0, 0, w, h),
        Some(prev) => changed_rect(prev, indexed, w).unwrap_or((0, 0, 1, 1)),
    };
    let mut buffer = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        let row = &indexed[y * w + x0..y * w + x1];
        match previous {
            None => buffer.extend_from_slice(row),
            Some(prev) => buffer.extend(
                row.iter()
                    .zip(&prev[y * w + x0..y * w + x1])
                    .map(|(&now, &before)| if now == before { UNCHANGED } else { now }),
            ),
        }
    }
    let side = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
    let mut frame = gif::Frame {
        delay: delay_cs,
        dispose: gif::DisposalMethod::Keep,
        left: side(x0),
        top: side(y0),
        width: side(x1 - x0),
        height: side(y1 - y0),
        buffer: buffer.into(),
        transparent: previous.map(|_| UNCHANGED),
        ..gif::Frame::default()
    };
    frame.make_lzw_pre_encoded();
    Ok(EncodedFrame(frame))
}

/// Writes frames of one size into an animated GIF that loops forever.
pub struct GifWriter<W: Write> {
    encoder: gif::Encoder<W>,
}

impl<W: Write> GifWriter<W> {
    /// Starts a GIF of `size` pixels with one global palette.
    pub fn new(out: W, size: [u32; 2], palette: &Palette) -> Result<Self, PaintError> {
        let size = gif_size(size)?;
        let mut encoder = gif::Encoder::new(out, size[0], size[1], &palette.flat())?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        Ok(GifWriter { encoder })
    }

    /// Adds a frame compressed by [`encode_frame`] after the frame added before it.
    pub fn add_encoded(&mut self, frame: &EncodedFrame) -> Result<(), PaintError> {
        Ok(self.encoder.write_lzw_pre_encoded_frame(&frame.0)?)
    }

    /// Ends the GIF.
    pub fn finish(self) -> Result<W, PaintError> {
        Ok(self.encoder.into_inner()?)
    }
}

/// The smallest rectangle (x0, y0, x1, y1; ends excluded) holding every pixel that differs, or
/// `None` when the frames are the same.
fn changed_rect(prev: &[u8], next: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
    let rows = || {
        prev.chunks_exact(width)
            .zip(next.chunks_exact(width))
            .enumerate()
    };
    let y0 = rows().find(|(_, (a, b))| a != b)?.0;
    let y1 = rows().rev().find(|(_, (a, b))| a != b)?.0 + 1;
    let (mut x0, mut x1) = (width, 0);
    for (_, (a, b)) in rows().skip(y0).take(y1 - y0) {
        if let Some(first) = a.iter().zip(b).position(|(p, q)| p != q) {
            x0 = x0.min(first);
            let last = a.iter().zip(b).rposition(|(p, q)| p != q).unwrap_or(first);
            x1 = x1.max(last + 1);
        }
    }
    Some((x0, y0, x1, y1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_rectangle_is_tight() {
        let w = 5;
        let a = vec![0u8; 20];
        let mut b = a.clone();
        b[w + 1] = 1;
        b[2 * w + 3] = 1;
        assert_eq!(changed_rect(&a, &b, w), Some((1, 1, 4, 3)));
        assert_eq!(changed_rect(&a, &a, w), None);
    }

    #[test]
    fn later_frames_store_unchanged_pixels_as_see_through_and_decode_to_the_same_frames() {
        let (w, h) = (6usize, 4usize);
        let palette = Palette::new(&[[0, 0, 0], [255, 255, 255], [200, 0, 0]], &[]);
        let first: Vec<u8> = (0..w * h).map(|i| (i % 2) as u8).collect();
        let mut second = first.clone();
        second[w + 2] = 2;
        second[2 * w + 4] = 2;
        let third = second.clone();
        let frames = [first, second, third];
        let mut writer = GifWriter::new(Vec::new(), [w as u32, h as u32], &palette).unwrap();
        let mut previous: Option<&[u8]> = None;
        for f in &frames {
            let size = [w as u16, h as u16];
            writer
                .add_encoded(&encode_frame(f, previous, size, 10).unwrap())
                .unwrap();
            previous = Some(f);
        }
        let bytes = writer.finish().unwrap();
        let mut options = gif::DecodeOptions::new();
        options.set_color_output(gif::ColorOutput::Indexed);
        let mut decoder = options.read_info(bytes.as_slice()).unwrap();
        let mut canvas = vec![0u8; w * h];
        let mut stored = Vec::new();
        while let Some(frame) = decoder.read_next_frame().unwrap() {
            let (left, top) = (usize::from(frame.left), usize::from(frame.top));
            for (i, &v) in frame.buffer.iter().enumerate() {
                let (x, y) = (
                    left + i % usize::from(frame.width),
                    top + i / usize::from(frame.width),
                );
                if Some(v) != frame.transparent {
                    canvas[y * w + x] = v;
                }
            }
            stored.push((frame.buffer.to_vec(), frame.transparent));
            assert_eq!(canvas, frames[stored.len() - 1], "frame {}", stored.len());
        }
        assert_eq!(stored.len(), 3);
        // The second frame is the rectangle around its two changed pixels, the rest of it
        // see-through; the first is whole and opaque.
        assert_eq!(stored[0].1, None);
        assert_eq!(stored[1].1, Some(UNCHANGED));
        assert_eq!(
            stored[1].0,
            [2, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, 2]
        );
    }

    #[test]
    fn the_indexer_remembers_each_colour_as_its_nearest_entry_white_included() {
        let exact = [[255, 255, 255], [0, 0, 0], [227, 93, 35]];
        let sample: Vec<u8> = (0..=255u8).flat_map(|v| [v, v / 3, 255 - v, 255]).collect();
        let palette = Palette::new(&exact, &sample);
        // Many colours, so that some share a slot, each seen several times, and white.
        let pixels: Vec<u8> = (0..200_000u32)
            .map(|i| (i * 7919) % 90_001)
            .flat_map(|v| [(v >> 10) as u8, (v >> 5) as u8, v as u8, 255])
            .chain([255, 255, 255, 255])
            .collect();
        let mut indexer = Indexer::new(&palette);
        for _ in 0..2 {
            let indexed = indexer.index(&pixels);
            for (p, &i) in pixels.chunks_exact(4).zip(&indexed) {
                assert_eq!(i, palette.nearest([p[0], p[1], p[2]]), "{p:?}");
            }
            assert_eq!(indexed.last(), Some(&0), "white is the first exact colour");
        }
    }

    #[test]
    fn exact_colours_map_to_themselves() {
        let exact = [[227, 93, 35], [253, 250, 242]];
        let sample: Vec<u8> = (0..=255u8).flat_map(|v| [v, 255 - v, v / 2, 255]).collect();
        let palette = Palette::new(&exact, &sample);
        let mut indexer = Indexer::new(&palette);
        let pixels = [227, 93, 35, 255, 253, 250, 242, 255, 227, 93, 35, 255];
        let indexed = indexer.index(&pixels);
        assert_eq!(indexed, vec![0, 1, 0]);
        assert_eq!(palette.colours[0], exact[0]);
    }
}
