pub mod banners;
pub mod number_input;
pub mod summary;
pub mod target_card;
pub mod unit_picker;
