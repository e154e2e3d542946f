//! When the autosave runs. Writing the saved data costs in proportion to all of it (a
//! workspace of many profiles is megabytes, and `localStorage.setItem` copies every byte),
//! so it does not run at every keystroke: it runs once typing pauses for [`IDLE_MS`], and
//! at the latest [`MAX_WAIT_MS`] after the first change not yet saved, so that a long run
//! of typing is saved too. The page being hidden or left saves at once (see
//! `app::hooks::use_autosave`), which is what keeps a closed tab from losing the last edit.

/// A pause in typing this long saves.
pub const IDLE_MS: f64 = 400.0;
/// No change waits longer than this to be saved.
pub const MAX_WAIT_MS: f64 = 2_000.0;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SaveSchedule {
    /// When the first change not yet saved was made.
    pending_since: Option<f64>,
}

impl SaveSchedule {
    /// A change was made at `now`: how long from now the save should run.
    pub fn changed(&mut self, now: f64) -> f64 {
        let since = *self.pending_since.get_or_insert(now);
        IDLE_MS.min(since + MAX_WAIT_MS - now).max(0.0)
    }

    /// Whether a change waits to be saved.
    pub fn pending(&self) -> bool {
        self.pending_since.is_some()
    }

    /// The save ran (it writes the latest data, so every change made until now is in it).
    pub fn saved(&mut self) {
        self.pending_since = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pause_saves_and_continuous_typing_saves_within_the_maximum_wait() {
        let mut schedule = SaveSchedule::default();
        assert!(!schedule.pending());
        assert_eq!(schedule.changed(1_000.0), IDLE_MS);
        assert!(schedule.pending());
        // Typing every 150 ms: each keystroke moves the save later, never past the maximum.
        assert_eq!(schedule.changed(1_150.0), IDLE_MS);
        assert_eq!(schedule.changed(2_700.0), 300.0);
        assert_eq!(schedule.changed(3_000.0), 0.0);
        assert_eq!(schedule.changed(3_200.0), 0.0);
        schedule.saved();
        assert!(!schedule.pending());
        // The next change starts a new wait.
        assert_eq!(schedule.changed(3_300.0), IDLE_MS);
    }
}
