//! Supplier pages for all five kinds (hotels, transport, restaurants, attractions, shops):
//! each supplier's record (`records`), and what hangs off it — room types, seasonal rates and
//! vehicles (`items`, edited in `item_edits`).

pub mod item_edits;
pub mod items;
pub mod records;
