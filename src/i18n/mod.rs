//! Every visible string, in one table per language ([`en`], [`pt`]), addressed by
//! a typed [`Key`]: a missing translation is a compile error, not a blank label.

pub mod en;
pub mod pt;

use bslab_engine::params::Unit;

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

    /// Label and one-sentence help of a parameter (its row's path when a
    /// language lacks it; a test walks the table so none does).
    pub fn field(self, id: FieldId) -> (&'static str, &'static str) {
        let path = id.param().path;
        let found = match self {
            Lang::En => en::field(path),
            Lang::Pt => pt::field(path),
        };
        found.unwrap_or((path, ""))
    }

    /// A unit's label under an input, and the word written after a bound.
    pub fn unit(self, unit: Unit) -> (&'static str, &'static str) {
        match self {
            Lang::En => en::unit(unit),
            Lang::Pt => pt::unit(unit),
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

    /// Title and lesson of the engine's preset `name` (its name and no lesson
    /// if the table does not know it).
    pub fn preset(self, name: &str) -> (&str, &'static str) {
        let known = match self {
            Lang::En => en::preset(name),
            Lang::Pt => pt::preset(name),
        };
        known.unwrap_or((name, ""))
    }

    /// A choice's machine name (`micro_batch`) in this language.
    pub fn word(self, word: &str) -> &str {
        let found = match self {
            Lang::En => en::word(word),
            Lang::Pt => pt::word(word),
        };
        found.unwrap_or(word)
    }
}

/// Every UI string (parameter labels are in [`Lang::field`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Key {
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
    Group,
    PublishedCol,
    TruthCol,
    Events,
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
    /// `{why}`: one of the `Download…` reasons below.
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
    // One parameter table, typed errors (issue 9, items 1, 2 and 6).
    /// Why a download did not start: no page.
    DownloadNoPage,
    /// Why a download did not start: the browser refused the file.
    DownloadNoFile,
    /// Why a download did not start: no local address for the file.
    DownloadNoAddress,
    // Metrics with Spark's and Flink's names (Spark UI charts, progress log, Flink pools).
    SparkTitle,
    SparkNote,
    SparkRatesTitle,
    SparkRatesNote,
    SparkRatesWhat,
    SparkDurationTitle,
    SparkDurationNote,
    SparkDurationWhat,
    SparkWatermarkGapTitle,
    SparkWatermarkGapNote,
    SparkWatermarkGapWhat,
    SparkDroppedTitle,
    SparkDroppedNote,
    SparkDroppedWhat,
    SparkStateTitle,
    SparkStateNote,
    SparkStateWhat,
    SparkInputRate,
    SparkProcessRate,
    SparkTrigger,
    SparkBatchDuration,
    SparkWatermarkGap,
    SparkDropped,
    SparkStateTotal,
    SparkStateUpdated,
    SparkProgressTitle,
    SparkProgressWhat,
    AxisDuration,
    AxisGroups,
    AxisStateRows,
    FlinkTitle,
    FlinkNote,
    FlinkBusy,
    FlinkBackpressured,
    FlinkIdle,
    FlinkSource,
    FlinkWorkers,
    SummaryEngineTitle,
    SummaryRates,
    SummaryDuration,
    SummaryWatermarkGap,
    SummaryDropped,
    SummaryState,
    SummaryFlink,
    // The event-time picture and "why this number?" (issue 14, items 1 and 4).
    EtTitle,
    EtWhat,
    EtArrived,
    EtDrawn,
    EtLate,
    EtWindows,
    EtStageOpen,
    EtStageFired,
    EtStageClosed,
    EtMaxEventTime,
    EtAllDrawn,
    EtThinned,
    EtAxisX,
    EtAxisY,
    EtLegendEvent,
    EtLegendLate,
    EtLegendWatermark,
    EtLegendMax,
    EtLegendNow,
    EtLegendBands,
    EtFocusHint,
    EtReadout,
    EtNotKept,
    EtStreamWaiting,
    EtStreamCounted,
    EtStreamRunning,
    EtStreamDropped,
    EtStreamUnknown,
    EtBatchWaiting,
    EtBatchRead,
    EtBatchRunning,
    EtBatchMissed,
    EtBatchUnknown,
    WhyTitle,
    WhyStreamingRow,
    WhyBatchRow,
    WhyLateStreaming,
    WhyNotPublished,
    WhyRow,
    WhyMore,
    WhyLateOut,
    WhyPending,
    WhyIncomplete,
    WhyLate,
    WhyStep,
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
    fn every_preset_has_a_title_and_a_lesson_in_each_language() {
        for preset in bslab_engine::presets::all() {
            let (en, pt) = (en::preset(preset.name), pt::preset(preset.name));
            let (Some(en), Some(pt)) = (en, pt) else {
                panic!("{}: en {en:?}, pt {pt:?}", preset.name);
            };
            assert!(!en.1.is_empty() && !pt.1.is_empty(), "{}", preset.name);
            assert_ne!(en, pt, "{}: the Portuguese is the English", preset.name);
        }
        assert_eq!(Lang::Pt.preset("no-such-preset"), ("no-such-preset", ""));
    }

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
