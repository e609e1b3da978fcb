//! Rules of the master data: supplier kinds and room kinds, shop commissions
//! (`suppliers`), seasons that must not overlap (`seasons`), guide languages and licences and
//! the languages of client agencies (`guides`).

pub mod contracts;
pub mod guides;
pub mod pricing;
pub mod seasons;
pub mod suppliers;
