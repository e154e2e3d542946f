pub mod app_footer;
pub mod app_header; // Keystroke budget (issues 12 and 13)
pub mod banners;
pub mod data_view;
pub mod district_view;
pub mod explain;
pub mod grid_view;
pub mod link_preview;
pub mod model_compare;
pub mod nav;
pub mod number_input;
pub mod plan_editor;
pub mod plan_review;
pub mod plans_view;
pub mod print_view;
pub mod profile_bar;
pub mod ranking_chart;
pub mod ranking_view;
pub mod select;
pub mod settings_view;
pub mod summary;
pub mod target_card;
// Issue 13: the officer's journey.
pub mod send_panel;
pub mod targets_chart;
pub mod toast;
pub mod unit_picker;
