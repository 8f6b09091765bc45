//! Frames are made on worker threads and consumed in order on the calling thread, so one thread
//! can write an animation while the others render what comes next.

use super::{ExportError, Progress};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};

/// How many frames an export makes at once, and how far ahead of the one being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flight {
    pub threads: usize,
    /// Frames begun but not yet handed to the sink, at most.
    pub ahead: usize,
}

/// The bytes of frames (four a pixel) an export keeps in flight, at most.
pub const FRAME_MEMORY: u64 = 512 * 1024 * 1024;
/// Frames in flight at most, however small they are and however many cores there are.
pub const MAX_AHEAD: usize = 8;

impl Flight {
    /// For frames of `pixels` pixels on `cores` cores: at most [`FRAME_MEMORY`] of frames and
    /// [`MAX_AHEAD`] frames in flight (two at least, so that one is made while one is written),
    /// whatever the number of cores.
    pub fn for_frames(cores: usize, pixels: u64) -> Flight {
        let frame = pixels.saturating_mul(4).max(1);
        let ahead = usize::try_from(FRAME_MEMORY / frame)
            .unwrap_or(MAX_AHEAD)
            .clamp(2, MAX_AHEAD);
        Flight {
            threads: cores.clamp(1, ahead),
            ahead,
        }
    }
}

/// Runs `work(i)` for every `i` in `0..count` on up to `flight.threads` threads and hands the
/// results, in order, to `sink`. Workers stay at most `flight.ahead` frames ahead of `sink`,
/// which bounds memory. Stops early on the first error or when `progress` is cancelled.
pub fn ordered<T: Send>(
    count: usize,
    flight: Flight,
    progress: &Progress,
    work: impl Fn(usize) -> Result<T, ExportError> + Sync,
    mut sink: impl FnMut(usize, T) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let threads = flight.threads.clamp(1, count.max(1));
    let ahead = flight.ahead.max(threads);
    let next = AtomicUsize::new(0);
    let consumed = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, Result<T, ExportError>)>(threads);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, consumed, stop, work) = (&next, &consumed, &stop, &work);
            scope.spawn(move || {
                loop {
                    if stop.load(Ordering::Relaxed) || progress.cancelled() {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    while i >= consumed.load(Ordering::Relaxed) + ahead
                        && !stop.load(Ordering::Relaxed)
                    {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    if tx.send((i, work(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        let mut outcome = Ok(());
        'receive: for (i, result) in rx.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                if let Err(e) = result.and_then(|t| sink(want, t)) {
                    outcome = Err(e);
                    break 'receive;
                }
                want += 1;
                consumed.store(want, Ordering::Relaxed);
            }
        }
        // Let the workers go: they see `stop`, or their next send fails once `rx` is gone.
        stop.store(true, Ordering::Relaxed);
        drop(rx);
        outcome?;
        if want < count {
            return Err(if progress.cancelled() {
                ExportError::Cancelled
            } else {
                ExportError::FrameLost
            });
        }
        Ok(())
    })
}

/// What each item of an [`ordered`] run leaves for the item after it, across threads: item
/// `i` leaves its value (or nothing, when it failed) and item `i + 1` takes it, waiting for it
/// if need be. Items are started in order, so the one before is always under way.
pub struct Handoff<T> {
    left: Mutex<HashMap<usize, Option<Arc<T>>>>,
    arrived: Condvar,
}

impl<T> Default for Handoff<T> {
    fn default() -> Self {
        Handoff {
            left: Mutex::new(HashMap::new()),
            arrived: Condvar::new(),
        }
    }
}

impl<T> Handoff<T> {
    /// Leaves item `i`'s value for item `i + 1`.
    pub fn leave(&self, i: usize, value: Option<Arc<T>>) {
        let mut left = self.left.lock().unwrap_or_else(PoisonError::into_inner);
        left.insert(i, value);
        self.arrived.notify_all();
    }

    /// What item `i - 1` left (nothing for item 0, or when it failed), once it has.
    pub fn take(&self, i: usize) -> Option<Arc<T>> {
        let before = i.checked_sub(1)?;
        let mut left = self.left.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(value) = left.remove(&before) {
                return value;
            }
            left = self
                .arrived
                .wait(left)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `threads` threads, each up to two frames ahead.
    fn two_each(threads: usize) -> Flight {
        Flight {
            threads,
            ahead: 2 * threads,
        }
    }

    #[test]
    fn frames_in_flight_are_bounded_by_their_size_not_the_cores() {
        let hd = 1920 * 1080;
        let huge = 8192 * 8192;
        // Small frames: every core, up to eight frames ahead.
        assert_eq!(
            Flight::for_frames(2, hd),
            Flight {
                threads: 2,
                ahead: 8
            }
        );
        assert_eq!(
            Flight::for_frames(64, hd),
            Flight {
                threads: 8,
                ahead: 8
            }
        );
        // 8192 x 8192 frames are 256 MiB each: two in flight on 2 cores or on 64.
        for cores in [1, 2, 8, 64] {
            let f = Flight::for_frames(cores, huge);
            assert_eq!(f.ahead, 2, "{cores} cores");
            assert!(f.threads <= 2 && f.threads >= 1, "{cores} cores");
            assert!(f.ahead as u64 * huge * 4 <= FRAME_MEMORY);
        }
    }

    #[test]
    fn results_arrive_in_order_from_several_threads() {
        let mut seen = Vec::new();
        let progress = Progress::default();
        ordered(
            50,
            two_each(4),
            &progress,
            |i| {
                // Later frames finish first.
                std::thread::sleep(std::time::Duration::from_micros((50 - i as u64) * 20));
                Ok(i * 10)
            },
            |i, v| {
                seen.push((i, v));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..50).map(|i| (i, i * 10)).collect::<Vec<_>>());
    }

    #[test]
    fn each_item_gets_what_the_one_before_left_whichever_thread_ran_it() {
        let progress = Progress::default();
        let handoff = Handoff::default();
        let mut seen = Vec::new();
        ordered(
            40,
            two_each(4),
            &progress,
            |i| {
                // Later items finish their own part first.
                std::thread::sleep(std::time::Duration::from_micros((40 - i as u64) * 30));
                handoff.leave(i, (i != 17).then(|| Arc::new(i * 10)));
                Ok(handoff.take(i).map(|v| *v))
            },
            |i, before| {
                seen.push((i, before));
                Ok(())
            },
        )
        .unwrap();
        let want: Vec<(usize, Option<usize>)> = (0..40)
            .map(|i| (i, (i > 0 && i != 18).then(|| (i - 1) * 10)))
            .collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn the_first_error_stops_everything() {
        let progress = Progress::default();
        let mut sunk = 0;
        let result = ordered(
            100,
            two_each(2),
            &progress,
            |i| {
                if i == 7 {
                    Err(ExportError::Range("seven".into()))
                } else {
                    Ok(i)
                }
            },
            |_, _| {
                sunk += 1;
                Ok(())
            },
        );
        assert_eq!(result, Err(ExportError::Range("seven".into())));
        assert_eq!(sunk, 7);
    }

    #[test]
    fn cancelling_stops_with_cancelled() {
        let progress = Progress::default();
        let result = ordered(100, two_each(2), &progress, Ok, |i, _| {
            if i == 3 {
                progress.cancel();
            }
            Ok(())
        });
        assert_eq!(result, Err(ExportError::Cancelled));
    }
}
