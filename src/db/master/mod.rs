//! Master data: suppliers (hotels with room types and seasonal rates, transport with
//! vehicles, restaurants, attractions, shops), guides, client agencies, their contacts, and
//! exchange rates.

pub mod agencies;
pub mod contacts;
pub mod exchange_rates;
pub mod guides;
pub mod suppliers;
