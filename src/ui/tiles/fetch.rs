//! The background thread that fetches tiles: a Tokio runtime of one thread, an HTTP client
//! with time limits and walkers' on-disk HTTP cache, a few requests at a time.

use crate::i18n::Msg;
use http::Extensions;
use http_cache_reqwest::{CACacheManager, Cache, CacheMode, HttpCache, HttpCacheOptions};
use reqwest::{Request, Response};
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware, Next};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use walkers::sources::TileSource;
use walkers::{Tile, TileId};

/// Identifies Qantar to tile servers, as the OpenStreetMap tile policy asks.
const USER_AGENT: &str = concat!(
    "Qantar/",
    env!("CARGO_PKG_VERSION"),
    " (desktop atlas of events in time)"
);

/// Requests under way at once.
const AT_ONCE: usize = 4;

/// How long a tile request may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// To connect (name lookup and the connection).
    pub connect: Duration,
    /// For the whole request, the tile's bytes included.
    pub whole: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(5),
            whole: Duration::from_secs(20),
        }
    }
}

/// Why a tile did not come, by kind: each kind is logged once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    /// No connection: the name does not resolve, or the server cannot be reached.
    NoConnection,
    /// The server did not answer in time.
    TimedOut,
    /// The server answered with an HTTP error status.
    Refused(u16),
    /// The answer is not an image.
    NotAnImage,
    /// Anything else the client reports.
    Other,
}

impl Failure {
    /// In words, for the log (English, as the rest of it).
    pub fn describe(self) -> String {
        match self {
            Failure::NoConnection => "the tile server cannot be reached (no connection)".into(),
            Failure::TimedOut => "the tile server did not answer in time".into(),
            Failure::Refused(status) => format!("the tile server refused (HTTP {status})"),
            Failure::NotAnImage => "the tile server sent something that is not an image".into(),
            Failure::Other => "a tile request failed".into(),
        }
    }

    /// In words, for the window.
    pub fn msg(self) -> Msg {
        match self {
            Failure::NoConnection => Msg::TilesNoConnection,
            Failure::TimedOut => Msg::TilesTimedOut,
            Failure::Refused(_) | Failure::NotAnImage | Failure::Other => Msg::TilesRefused,
        }
    }

    /// The kind of `e`, from the HTTP client's error wherever it is in the chain (the disk
    /// cache wraps it in its own).
    fn of(e: &reqwest_middleware::Error) -> Failure {
        let client = match e {
            reqwest_middleware::Error::Reqwest(e) => Some(e),
            reqwest_middleware::Error::Middleware(e) => {
                e.chain().find_map(|e| e.downcast_ref::<reqwest::Error>())
            }
        };
        match client {
            Some(e) if e.is_timeout() => Failure::TimedOut,
            Some(e) if e.is_connect() => Failure::NoConnection,
            Some(e) => e
                .status()
                .map_or(Failure::Other, |s| Failure::Refused(s.as_u16())),
            None => Failure::Other,
        }
    }
}

/// A finished request: the tile, or why not (and the client's words).
pub struct Done {
    pub id: TileId,
    pub result: Result<Tile, (Failure, String)>,
}

/// Takes requests for tiles and fetches them on its own thread; stops when dropped.
pub struct Fetcher {
    asks: tokio::sync::mpsc::Sender<TileId>,
    in_progress: Arc<AtomicUsize>,
}

impl Fetcher {
    pub fn start<S: TileSource + Send + Sync + 'static>(
        source: S,
        cache: Option<std::path::PathBuf>,
        limits: Limits,
        done: std::sync::mpsc::Sender<Done>,
        ctx: egui::Context,
    ) -> Fetcher {
        let (asks, mut asked) = tokio::sync::mpsc::channel::<TileId>(AT_ONCE * 4);
        let in_progress = Arc::new(AtomicUsize::new(0));
        let counter = in_progress.clone();
        let spawned = std::thread::Builder::new()
            .name("qantar-tiles".into())
            .spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    eprintln!("qantar: map tiles: cannot start the thread that fetches them");
                    return;
                };
                let Some(client) = client(cache, limits) else {
                    eprintln!("qantar: map tiles: cannot make an HTTP client");
                    return;
                };
                let job = Arc::new(Job {
                    source,
                    client,
                    ctx,
                    done,
                    counter,
                });
                runtime.block_on(async move {
                    let slots = Arc::new(tokio::sync::Semaphore::new(AT_ONCE));
                    // Ends when the Fetcher, and so the sender, is dropped.
                    while let Some(id) = asked.recv().await {
                        let Ok(slot) = slots.clone().acquire_owned().await else {
                            break;
                        };
                        let job = job.clone();
                        tokio::spawn(async move {
                            job.fetch(id).await;
                            drop(slot);
                        });
                    }
                });
            });
        if let Err(e) = spawned {
            eprintln!("qantar: map tiles: cannot start the thread that fetches them: {e}");
        }
        Fetcher { asks, in_progress }
    }

    /// Asks for a tile; false when the queue is full (it is asked again on a later frame).
    pub fn ask(&self, id: TileId) -> bool {
        self.asks.try_send(id).is_ok()
    }

    pub fn in_progress(&self) -> usize {
        self.in_progress.load(Ordering::Relaxed)
    }
}

/// What each request needs.
struct Job<S> {
    source: S,
    client: ClientWithMiddleware,
    ctx: egui::Context,
    done: std::sync::mpsc::Sender<Done>,
    counter: Arc<AtomicUsize>,
}

impl<S: TileSource + Send + Sync> Job<S> {
    async fn fetch(&self, id: TileId) {
        self.counter.fetch_add(1, Ordering::Relaxed);
        let url = self.source.tile_url(id);
        let seen = Seen::default();
        let result = match self.bytes(&url, &seen).await {
            Ok(bytes) => {
                let style = walkers::Style;
                Tile::new(&bytes, &style, id.zoom, self.source.tile_size(), &self.ctx)
                    .map_err(|e| (Failure::NotAnImage, format!("{url}: {e}")))
            }
            Err(e) => {
                let failure = seen.get().unwrap_or_else(|| Failure::of(&e));
                Err((failure, format!("{url}: {e}")))
            }
        };
        self.counter.fetch_sub(1, Ordering::Relaxed);
        // The window may be closing: nobody to tell.
        let _ = self.done.send(Done { id, result });
        self.ctx.request_repaint();
    }

    async fn bytes(
        &self,
        url: &str,
        seen: &Seen,
    ) -> Result<bytes::Bytes, reqwest_middleware::Error> {
        let answer = self
            .client
            .get(url)
            .with_extension(seen.clone())
            .send()
            .await?;
        let answer = answer.error_for_status()?;
        Ok(answer.bytes().await?)
    }
}

/// Where the client's own error is classified, before the disk cache turns it into words.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Option<Failure>>>);

impl Seen {
    fn get(&self) -> Option<Failure> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

type Answer<'a> = Pin<Box<dyn Future<Output = reqwest_middleware::Result<Response>> + Send + 'a>>;

/// The middleware under the cache, next to the client: notes the kind of a failed request in
/// the request's [`Seen`].
fn classify<'a>(request: Request, extensions: &'a mut Extensions, next: Next<'a>) -> Answer<'a> {
    let seen = extensions.get::<Seen>().cloned();
    Box::pin(async move {
        let answer = next.run(request, extensions).await;
        if let (Err(e), Some(seen)) = (&answer, seen) {
            *seen.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(Failure::of(e));
        }
        answer
    })
}

/// The HTTP client: Qantar's user agent, the time limits, and the disk cache when given.
fn client(cache: Option<std::path::PathBuf>, limits: Limits) -> Option<ClientWithMiddleware> {
    let bare = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(limits.connect)
        .timeout(limits.whole)
        .build()
        .ok()?;
    let builder = ClientBuilder::new(bare);
    let builder = match cache {
        Some(path) => builder.with(Cache(HttpCache {
            mode: CacheMode::Default,
            manager: CACacheManager {
                path,
                remove_opts: Default::default(),
            },
            options: HttpCacheOptions::default(),
        })),
        None => builder,
    };
    Some(builder.with(classify).build())
}
