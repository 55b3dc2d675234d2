//! Every visible string, in one table per language ([`en`], [`pt`]), addressed by
//! a typed [`Key`]: a missing translation is a compile error, not a blank label.

pub mod en;
pub mod pt;

use crate::fields::FieldId;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Português (Brasil).
    Pt,
}

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language` (`pt-BR` → Portuguese).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("pt") {
            Lang::Pt
        } else {
            Lang::En
        }
    }

    /// The tag stored and put in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pt => "pt-BR",
        }
    }

    /// The other language (the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Pt,
            Lang::Pt => Lang::En,
        }
    }

    /// The text of `key`.
    pub fn t(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Pt => pt::text(key),
        }
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn fill(self, key: Key, values: &[(&str, String)]) -> String {
        values
            .iter()
            .fold(self.t(key).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// Label and one-sentence help of a parameter.
    pub fn field(self, id: FieldId) -> (&'static str, &'static str) {
        match self {
            Lang::En => en::field(id),
            Lang::Pt => pt::field(id),
        }
    }

    /// Unit of a parameter.
    pub fn unit(self, id: FieldId) -> &'static str {
        match self {
            Lang::En => en::unit(id),
            Lang::Pt => pt::unit(id),
        }
    }

    /// A sales category the engine names in English (`books`, `books-1`…) in this
    /// language (`livros`, `livros-1`…); the engine, exports and reports keep the English.
    pub fn category(self, name: &str) -> String {
        match self {
            Lang::En => name.to_string(),
            Lang::Pt => pt::category(name),
        }
    }

    /// A machine word the engine uses (choices, problems, range words) in this language.
    pub fn word(self, word: &str) -> String {
        match self {
            Lang::En => en::word(word).unwrap_or(word).to_string(),
            Lang::Pt => pt::word(word).map_or_else(|| pt::translate_range(word), str::to_string),
        }
    }
}

/// Every UI string (parameter labels are in [`Lang::field`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Key {
    Tagline,
    Preset,
    Play,
    Pause,
    Step,
    Reset,
    Speed,
    SpeedMax,
    Clock,
    Seed,
    Language,
    Share,
    ShareCopied,
    ShareCopyFailed,
    Concepts,
    Close,
    Parameters,
    GroupExperiment,
    GroupWorkload,
    GroupDelay,
    GroupBatch,
    GroupStreaming,
    ForkNote,
    NotApplied,
    Batch,
    Streaming,
    BatchWhat,
    StreamingWhat,
    WhatAmISeeing,
    Source,
    Transit,
    Storage,
    Queue,
    Workers,
    Published,
    DroppedLate,
    JobRunning,
    JobIdle,
    Busy,
    Idle,
    NextRun,
    QueuedRuns,
    Watermark,
    OpenWindows,
    CompleteUpTo,
    Dashboard,
    Group,
    PublishedCol,
    TruthCol,
    Events,
    Amount,
    Finished,
    CatchingUp,
    Digest,
    DigestNote,
    DigestPending,
    Summary,
    Metric,
    LatencyP50,
    LatencyP99,
    Throughput,
    Capacity,
    Unbounded,
    BacklogMax,
    FreshnessMean,
    CostBusy,
    CostProvisioned,
    ExactWindows,
    FraudDetected,
    FraudTimeToDetect,
    FraudLost,
    ChartLatency,
    ChartLatencyWhat,
    ChartThroughput,
    ChartThroughputWhat,
    ChartBacklog,
    ChartBacklogWhat,
    ChartFreshness,
    ChartFreshnessWhat,
    ChartCompleteness,
    ChartCompletenessWhat,
    ChartCost,
    ChartCostWhat,
    AxisTime,
    AxisLatency,
    AxisEventsPerSecond,
    AxisEvents,
    AxisFreshness,
    AxisPercent,
    AxisWorkerSeconds,
    AxisWindowStart,
    ArrivalRate,
    LogScale,
    NoDataYet,
    Dismiss,
    ErrorTitle,
    CopyDetails,
    KeyboardHelp,
    ConceptsBatchTitle,
    ConceptsBatchText,
    ConceptsBatchExample,
    ConceptsBatchEfficiency,
    ConceptsBatchPlanning,
    ConceptsStreamingTitle,
    ConceptsStreamingText,
    ConceptsStreamingExample,
    ConceptsStreamingLatency,
    ConceptsStreamingMonitoring,
    ConceptsStreamingPatterns,
    ConceptsWatermark,
    ConceptsHighWatermark,
    ConceptsSource,
    RestartNeeded,
    RestartConfirm,
    RestartCancel,
    Edited,
    Transport,
    SpeedLimited,
    DashboardSales,
    DashboardSocial,
    DashboardFraud,
    DashboardNote,
    DashboardEmpty,
    DashboardNoAlert,
    Post,
    Card,
    Like,
    Retweet,
    Comment,
    Charts,
    ParamsUnit,
    DurationInputHint,
    ExportSpark,
    ExportFailed,
    Paid,
    BusyWord,
    HoverHint,
    BatchLine,
    MicroBatchLine,
    ContinuousLine,
    ExportNeedsMicroBatch,
    ExportTooLarge,
    Exporting,
    Exported,
    ExportHelp,
    ConceptsWatermarkTitle,
    LanguageName,
    /// An amount of money: `{amount}` is the number with the language's separators.
    Money,
    // --- Charts that tell the truth under overload, and the queueing panel ---
    /// Legend of the dotted latency line drawn while nothing is published.
    OldestWaiting,
    /// Legend of the streaming capacity line.
    CapacityLine,
    /// Label of a shaded overload stretch, inside the chart.
    FallingBehindShort,
    /// Under the throughput chart: `{when}` lists the overload stretches.
    FallingBehind,
    QueueTitle,
    /// `{lambda}`, `{mu}`, `{c}`, `{rho}`.
    QueueRates,
    QueueTheory,
    QueueMeasured,
    QueueWait,
    QueueTime,
    QueueInSystem,
    QueueLittle,
    QueueExact,
    QueueApprox,
    QueueUnstable,
    /// `{n}`: events served.
    QueueServed,
    // Messages a teacher can use (issue 10): `{field}`, `{value}`, `{rule}` filled in.
    MsgNotANumber,
    MsgNotWhole,
    MsgNotADuration,
    MsgUnknownUnit,
    MsgSeparators,
    MsgSeedRange,
    MsgOutOfRange,
    MsgTooManySamples,
    MsgClockBias,
    MsgTooManyEvents,
    MsgHeldAtOnce,
    MsgWholeWindows,
    MsgTooManyResults,
    MsgTooManyBursts,
    MsgOther,
    /// `{max}`: the browser tab's memory budget in MB.
    MsgMemory,
    /// `{name}`: the file the browser did not download.
    DownloadFailed,
    RuleBetween,
    RulePositive,
    RuleAtLeast,
    RuleMultiple,
    RangeBetween,
    RangePositive,
    NoticeLinkDamaged,
    NoticeLinkInvalid,
    NoticeLinkNewer,
    NoticeStorageDamaged,
    NoticeStorageInvalid,
    NoticeEngineRefused,
    NoticeIgnored,
    NoticeClamped,
    // Step to the next moment, and load spikes (issue 10).
    StepMoment,
    SteppedBatchStarted,
    SteppedBatchFinished,
    SteppedMicroBatch,
    SteppedWindows,
    SteppedArrival,
    SteppedEnd,
    SteppedNothing,
    SpikeNow,
    SpikeNowHelp,
    AddSpike,
    RemoveSpike,
    NoticeNoSpike,
    // Data out as CSV (issue 17).
    CsvTitle,
    CsvHelp,
    CsvDashboard,
    // The share link as a QR code (issue 17).
    QrShow,
    QrLoading,
    QrFailed,
    QrClose,
    // The single self-contained HTML file and pictures of the charts (issue 17).
    ShareNoPublicUrl,
    SavePngHelp,
    SaveSvgHelp,
    SaveAll,
    SaveAllHelp,
    SaveFailed,
    // Classroom mode: lessons, presenting, timeline.
    Lesson,
    LessonPick,
    LessonBeat,
    LessonNext,
    LessonPrevious,
    LessonExit,
    LessonPredict,
    LessonDone,
    LessonWorkerSeconds,
    Present,
    PresentLeave,
    Blanked,
    Timeline,
    PrintQuestions,
    StepBack,
    GhostBefore,
    GhostNote,
    GhostDismiss,
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::scenario::category_name;

    #[test]
    fn categories_are_translated_with_their_suffix() {
        assert_eq!(Lang::Pt.category("books"), "livros");
        assert_eq!(Lang::Pt.category("electronics"), "eletrônicos");
        assert_eq!(Lang::Pt.category("grocery"), "mercado");
        assert_eq!(Lang::Pt.category("home-2"), "casa-2");
        assert_eq!(Lang::Pt.category("unknown-3"), "unknown-3");
        assert_eq!(Lang::En.category("toys-1"), "toys-1");
        // Every name the engine makes has a translation, and the same "-N" suffix.
        for i in 0..40 {
            let en = category_name(i);
            let pt = Lang::Pt.category(&en);
            assert_ne!(pt, en, "{en} is not translated");
            let suffix = |s: &str| s.rsplit_once('-').map(|(_, n)| n.to_string());
            assert_eq!(suffix(&pt), suffix(&en), "{en} → {pt}");
        }
    }
}
