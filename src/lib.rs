//! Quietread's core: from a DOM-free snapshot of a news page to a plan that hides paywall
//! prompts, appeals, comments and nags without ever touching the article.

pub mod article;
pub mod boxes;
pub mod clutter;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod index;
pub mod labels;
pub mod packed;
pub mod plan;
pub mod quotes;
pub mod rules;
pub mod scroll;
pub mod signals;
pub mod snapshot;
pub mod wasm;
pub mod wordset;

pub use plan::{plan, plan_json, Plan, Settings};
pub use rules::Category;
pub use snapshot::{Node, Snapshot, Style};
