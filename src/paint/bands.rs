//! A scene rasterised: one image exported alone in bands of rows painted side by side on
//! every core, the frames of an animation whole (their frames share the cores) and from the
//! part they all share (the background and the context layer), painted once.

use super::PaintError;
use super::raster::{Part, paint_scene};
use crate::scene::{LayerKind, Rgba, Scene, Shape};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use tiny_skia::{Pixmap, PixmapMut, Transform};

/// An image exported alone is painted in at most this many bands of rows, each clipped to its
/// rows. How it is cut depends on its size alone, never on the number of cores, so that it is
/// the same pixels on every machine. (Painting in bands repeats some work for the shapes that
/// cross a cut, so frames, which already keep every core busy, are painted whole.)
const BANDS: u32 = 4;
/// A band has at least this many rows.
const MIN_BAND_ROWS: u32 = 128;

/// Paints `scene` (in points) onto a new pixmap of `pixels`, at `ppp` pixels per point, whole
/// and on this thread (what the frames of an animation do, one frame per core).
pub fn render(scene: &Scene, pixels: [u32; 2], ppp: f32) -> Result<Pixmap, PaintError> {
    let mut pixmap =
        Pixmap::new(pixels[0], pixels[1]).ok_or(PaintError::Allocate(pixels[0], pixels[1]))?;
    paint_whole(&mut pixmap, ppp, Part::All, scene);
    Ok(pixmap)
}

/// Paints `part` of `scene` onto the whole of `pixmap`.
fn paint_whole(pixmap: &mut Pixmap, ppp: f32, part: Part, scene: &Scene) {
    let rows = [0.0, pixmap.height() as f32 / ppp];
    paint_scene(
        scene,
        part,
        &mut pixmap.as_mut(),
        Transform::from_scale(ppp, ppp),
        rows,
    );
}

/// Like [`render`], for an image exported alone: painted in bands shared among `threads`
/// threads.
pub fn render_on(
    scene: &Scene,
    pixels: [u32; 2],
    ppp: f32,
    threads: usize,
) -> Result<Pixmap, PaintError> {
    let mut pixmap =
        Pixmap::new(pixels[0], pixels[1]).ok_or(PaintError::Allocate(pixels[0], pixels[1]))?;
    paint_bands(&mut pixmap, ppp, threads, &paint_all(scene), |_| Ok(()))?;
    Ok(pixmap)
}

/// Like [`render_on`], handing the rows to `rows` (premultiplied RGBA bytes, whole rows, top
/// to bottom) on this thread as soon as they and every row above them are painted, so that
/// encoding the top of the image overlaps painting the rest.
pub fn render_streamed(
    scene: &Scene,
    pixels: [u32; 2],
    ppp: f32,
    threads: usize,
    rows: impl FnMut(&[u8]) -> Result<(), PaintError>,
) -> Result<(), PaintError> {
    let mut pixmap =
        Pixmap::new(pixels[0], pixels[1]).ok_or(PaintError::Allocate(pixels[0], pixels[1]))?;
    paint_bands(&mut pixmap, ppp, threads, &paint_all(scene), rows)
}

fn paint_all(scene: &Scene) -> impl Fn(&mut PixmapMut<'_>, Transform, [f32; 2]) + Sync + '_ {
    |band, ts, rows| paint_scene(scene, Part::All, band, ts, rows)
}

/// The background and the context layer of a scene, painted once for frames that share them.
pub struct Underlay {
    pixmap: Pixmap,
    ppp: f32,
    background: Option<Rgba>,
    context: Vec<Shape>,
}

impl Underlay {
    /// What `scene` draws under its units, painted onto a pixmap of `pixels`.
    pub fn new(scene: &Scene, pixels: [u32; 2], ppp: f32) -> Result<Self, PaintError> {
        let mut pixmap =
            Pixmap::new(pixels[0], pixels[1]).ok_or(PaintError::Allocate(pixels[0], pixels[1]))?;
        paint_whole(&mut pixmap, ppp, Part::Under, scene);
        Ok(Underlay {
            pixmap,
            ppp,
            background: scene.background,
            context: scene.layer(LayerKind::Context).to_vec(),
        })
    }

    /// `scene` painted on a copy of this underlay: the same pixels as [`render`] gives. A scene
    /// with another background or context layer, or at another size, is painted in full.
    pub fn render(&self, scene: &Scene, pixels: [u32; 2], ppp: f32) -> Result<Pixmap, PaintError> {
        let fits = [self.pixmap.width(), self.pixmap.height()] == pixels
            && self.ppp == ppp
            && self.background == scene.background
            && self.context == scene.layer(LayerKind::Context);
        if !fits {
            return render(scene, pixels, ppp);
        }
        let mut pixmap = self.pixmap.clone();
        paint_whole(&mut pixmap, ppp, Part::Over, scene);
        Ok(pixmap)
    }
}

/// Calls `paint(band, transform, rows)` for each band of `pixmap` (the transform from points
/// to the band's pixels, the band's top and bottom in points) on `threads` threads, top band
/// first, and `done` with each band's bytes on this thread, in order, once it is painted.
/// After an error of `done` the bands being painted are finished and nothing more is done.
fn paint_bands(
    pixmap: &mut Pixmap,
    ppp: f32,
    threads: usize,
    paint: &(impl Fn(&mut PixmapMut<'_>, Transform, [f32; 2]) + Sync),
    mut done: impl FnMut(&[u8]) -> Result<(), PaintError>,
) -> Result<(), PaintError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let bands = (height / MIN_BAND_ROWS).clamp(1, BANDS);
    let rows = height.div_ceil(bands).max(1);
    let band_bytes = width as usize * 4 * rows as usize;
    let threads = threads.clamp(1, bands as usize);
    let queue: Mutex<_> = Mutex::new(pixmap.data_mut().chunks_mut(band_bytes).enumerate());
    let (tx, rx) = mpsc::channel::<(usize, &[u8])>();
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (tx, queue, failed) = (tx.clone(), &queue, &failed);
            scope.spawn(move || {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some((i, bytes)) = next.filter(|_| !failed.load(Ordering::Relaxed)) else {
                        break;
                    };
                    let top = i as u32 * rows;
                    let band_height = (bytes.len() / (width as usize * 4).max(1)) as u32;
                    if let Some(mut band) = PixmapMut::from_bytes(bytes, width, band_height) {
                        let ts = Transform::from_scale(ppp, ppp).post_translate(0.0, -(top as f32));
                        paint(
                            &mut band,
                            ts,
                            [top as f32 / ppp, (top + band_height) as f32 / ppp],
                        );
                    }
                    if tx.send((i, &*bytes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut painted = BTreeMap::new();
        let mut next = 0;
        for (i, bytes) in rx {
            painted.insert(i, bytes);
            while let Some(bytes) = painted.remove(&next) {
                next += 1;
                if let Err(e) = done(bytes) {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::scene::{EventMode, SceneInput, Shown, Style, View};

    /// The export scene of the embedded dataset at `when`, 900×560 points.
    fn scene_at(atlas: &Atlas, when: &str, zoom: f64) -> Scene {
        let style = Style::default();
        let size = [900.0, 560.0];
        let shown = Shown {
            instant: (atlas.data.meta.clock)
                .parse_when(when)
                .expect("an instant"),
            lang: crate::i18n::Lang::Ru,
            mode: EventMode::Cumulative,
            selected: None,
            chapter: None,
            events: None,
        };
        let mut view = View::fit(atlas.geometry.country_bbox, size, 20.0);
        view.zoom += zoom;
        let input = SceneInput::export(atlas, &style, &shown, (view, size), "t".into(), None);
        crate::scene::build(&input)
    }

    #[test]
    fn a_map_painted_in_bands_is_the_map_painted_whole() {
        let atlas = Atlas::load(&Default::default()).expect("the embedded dataset");
        let scene = scene_at(&atlas, "2022-01-06T03:00", 0.0);
        let pixels = [1350, 840];
        let one_thread = render_on(&scene, pixels, 1.5, 1).expect("a pixmap");
        for threads in [2, 3, 8] {
            let shared = render_on(&scene, pixels, 1.5, threads).expect("a pixmap");
            assert!(one_thread.pixels() == shared.pixels(), "{threads} threads");
        }
        // Against the image painted as one band: a few hundred pixels (of 1.1 million) along
        // the cuts, where curves are split at a band's edge, and none far from them.
        let whole = render(&scene, pixels, 1.5).expect("a pixmap");
        let cuts = [210, 420, 630];
        let differ: Vec<usize> = (whole.pixels().iter().zip(one_thread.pixels()))
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i / pixels[0] as usize)
            .collect();
        assert!(differ.len() < 400, "{} pixels differ", differ.len());
        for row in differ {
            assert!(cuts.iter().any(|c| row.abs_diff(*c) <= 24), "row {row}");
        }
    }

    #[test]
    fn streamed_rows_arrive_top_to_bottom_and_are_the_map_painted_in_bands() {
        let atlas = Atlas::load(&Default::default()).expect("the embedded dataset");
        let scene = scene_at(&atlas, "2022-01-06T03:00", 0.0);
        let pixels = [1350, 840];
        let painted = render_on(&scene, pixels, 1.5, 2).expect("a pixmap");
        for threads in [1, 2, 8] {
            let mut streamed = Vec::new();
            let mut calls = 0;
            render_streamed(&scene, pixels, 1.5, threads, |rows| {
                assert_eq!(rows.len() % (pixels[0] as usize * 4), 0, "whole rows");
                streamed.extend_from_slice(rows);
                calls += 1;
                Ok(())
            })
            .expect("painted");
            assert_eq!(calls, 4, "{threads} threads: one call per band");
            assert!(streamed == painted.data(), "{threads} threads");
        }
        // An error of the consumer (a full disk, say) stops the painting and comes back.
        let mut calls = 0;
        let result = render_streamed(&scene, pixels, 1.5, 2, |_| {
            calls += 1;
            Err(PaintError::Png("disk full".into()))
        });
        assert_eq!(result, Err(PaintError::Png("disk full".into())));
        assert_eq!(calls, 1);
    }

    #[test]
    fn a_frame_painted_over_the_underlay_is_the_frame_painted_whole() {
        let atlas = Atlas::load(&Default::default()).expect("the embedded dataset");
        let pixels = [1350, 840];
        let first = scene_at(&atlas, "2022-01-04T12:00", 0.0);
        let under = Underlay::new(&first, pixels, 1.5).expect("a pixmap");
        for when in ["2022-01-04T12:00", "2022-01-05T20:00", "2022-01-07T09:00"] {
            let scene = scene_at(&atlas, when, 0.0);
            let over = under.render(&scene, pixels, 1.5).expect("a pixmap");
            let whole = render(&scene, pixels, 1.5).expect("a pixmap");
            assert!(over.pixels() == whole.pixels(), "{when}");
            assert!(
                over.pixels() != under.pixmap.pixels(),
                "{when}: units drawn"
            );
        }
        // Another view has other neighbours: painted whole, not over the wrong ones.
        let zoomed = scene_at(&atlas, "2022-01-05T20:00", 1.0);
        let over = under.render(&zoomed, pixels, 1.5).expect("a pixmap");
        let whole = render(&zoomed, pixels, 1.5).expect("a pixmap");
        assert!(over.pixels() == whole.pixels());
    }
}
