//! Tours, their costing and what is sold from them: `itinerary` holds a tour's texts, days and
//! service lines, `costing` the arithmetic of a costing sheet (pax tiers, FOC places, markup or
//! margin, rounding, break-even, vehicles per tier), and `codes` the patterns of quotation
//! numbers and group codes.

pub mod codes;
pub mod costing;
pub mod itinerary;
pub mod sheet;
