//! The response side of the endpoint: whole replies, streamed bodies and
//! the sink a route writes its answer to from a blocking thread.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use bytes::Bytes;
use hyper::body::Frame;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use tokio::sync::{mpsc, oneshot};

/// A whole response body with its status and content type.
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) content_type: &'static str,
    pub(super) body: Vec<u8>,
    pub(super) allow: bool,
}

pub(super) fn text(status: u16, message: impl Into<String>) -> Reply {
    let mut body = message.into().into_bytes();
    body.push(b'\n');
    Reply {
        status,
        content_type: "text/plain; charset=utf-8",
        body,
        allow: status == 405,
    }
}

/// A response body: whole, or streamed from a query's thread. An error in
/// the stream aborts the connection, so that a client never takes a cut
/// result for a whole one (the chunked encoding has no end marker then).
pub(super) enum Body {
    Whole(Option<Bytes>),
    /// Chunks, and whether the producer said the answer is complete: a
    /// stream that ends without it ends in an error.
    Stream(
        mpsc::Receiver<std::io::Result<Bytes>>,
        Arc<std::sync::atomic::AtomicBool>,
    ),
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<std::result::Result<Frame<Bytes>, std::io::Error>>> {
        match self.get_mut() {
            Body::Whole(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Body::Stream(rx, complete) => rx.poll_recv(cx).map(|o| match o {
                Some(r) => Some(r.map(Frame::data)),
                None if complete.load(std::sync::atomic::Ordering::SeqCst) => None,
                None => Some(Err(std::io::Error::other("the answer was cut off"))),
            }),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Whole(None))
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        match self {
            Body::Whole(b) => {
                hyper::body::SizeHint::with_exact(b.as_ref().map_or(0, |b| b.len() as u64))
            }
            Body::Stream(..) => hyper::body::SizeHint::default(),
        }
    }
}

pub(super) fn response(reply: Reply) -> hyper::Response<Body> {
    let mut r = hyper::Response::new(Body::Whole(Some(Bytes::from(reply.body))));
    *r.status_mut() = hyper::StatusCode::from_u16(reply.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    finish_head(r, reply.content_type, reply.allow)
}

pub(super) fn finish_head(
    mut r: hyper::Response<Body>,
    content_type: &'static str,
    allow: bool,
) -> hyper::Response<Body> {
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(hyper::header::VARY, HeaderValue::from_static("Accept"));
    if allow {
        h.insert(hyper::header::ALLOW, HeaderValue::from_static("GET, POST"));
    }
    r
}

/// How a route's answer starts: whole, or as a stream whose first bytes
/// are ready.
pub(super) enum Start {
    Whole(Reply),
    Stream(&'static str),
}

/// Where a route writes its answer, from a blocking thread: [`Sink::reply`]
/// once, or bytes through `Write` (the head goes out with the first bytes)
/// and then [`Sink::finish`]; a streamed answer never finished is cut off
/// with an error, so the client cannot take it for whole.
pub(super) struct Sink {
    pub(super) start: Option<oneshot::Sender<Start>>,
    pub(super) content_type: &'static str,
    pub(super) tx: mpsc::Sender<std::io::Result<Bytes>>,
    /// Set by [`Sink::finish`]: without it a started stream ends in an error.
    pub(super) complete: Arc<std::sync::atomic::AtomicBool>,
    pub(super) runtime: tokio::runtime::Handle,
    /// Past this a client that does not read its answer is dropped.
    pub(super) deadline: Instant,
}

impl Sink {
    /// Ends a streamed answer as complete (or answers with an empty 200
    /// when nothing was written).
    pub(super) fn finish(&mut self, content_type: &'static str) {
        if self.start.is_some() {
            self.reply(Reply {
                status: 200,
                content_type,
                body: Vec::new(),
                allow: false,
            });
        } else {
            self.complete
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }

    /// Answers whole, or aborts the stream when it has already started.
    pub(super) fn reply(&mut self, reply: Reply) {
        match self.start.take() {
            Some(start) => {
                let _ = start.send(Start::Whole(reply));
            }
            None => {
                let message = String::from_utf8_lossy(&reply.body).trim().to_string();
                let _ = self.tx.try_send(Err(std::io::Error::other(message)));
            }
        }
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if data.is_empty() {
            return Ok(0);
        }
        if let Some(start) = self.start.take() {
            start
                .send(Start::Stream(self.content_type))
                .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client gone"))?;
        }
        let left = self.deadline.saturating_duration_since(Instant::now());
        let chunk = Bytes::copy_from_slice(data);
        match self
            .runtime
            .block_on(tokio::time::timeout(left, self.tx.send(Ok(chunk))))
        {
            Ok(Ok(())) => Ok(data.len()),
            Ok(Err(_)) => Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "client gone",
            )),
            Err(_) => Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the client does not read its answer",
            )),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
