//! Tour pages: the list and the form (`records`), the tour's page with its itinerary
//! (`show`), its days (`days`) and service lines (`lines`), and its costing sheet (`costing`).

pub mod costing;
pub mod days;
pub mod lines;
pub mod records;
pub mod show;
