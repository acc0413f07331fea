//! Native only: evaluation commands over folders of real pages.

pub mod clutter;
pub mod keep;
pub mod labels;
pub mod markup;
pub mod quotes;
