//! Resolves actors across documents: discovered actors get IRIs minted from
//! their normalized name, so the same name in two articles is one actor.
