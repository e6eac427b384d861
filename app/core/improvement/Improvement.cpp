#include "improvement/Improvement.h"

#include "cases/Case.h"
#include "dashboard/Dashboard.h"

#include <QCoreApplication>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Improvement", text);
}

struct Coded
{
    const char* code;
    const char* label;
};

const Coded kStatuses[] = {
    {"open", QT_TRANSLATE_NOOP("Improvement", "Open")},
    {"in_progress", QT_TRANSLATE_NOOP("Improvement", "In progress")},
    {"done", QT_TRANSLATE_NOOP("Improvement", "Done")},
    {"cancelled", QT_TRANSLATE_NOOP("Improvement", "Cancelled")},
};

const Coded kSources[] = {
    {"manual", QT_TRANSLATE_NOOP("Improvement", "Entered by hand")},
    {"alert", QT_TRANSLATE_NOOP("Improvement", "Systemic alert")},
    {"case", QT_TRANSLATE_NOOP("Improvement", "A case")},
};

struct Bone
{
    const char* code;
    const char16_t* hanzi;
    const char* label;
};
const Bone kBranches[] = {
    {"people", u"人", QT_TRANSLATE_NOOP("Improvement", "People")},
    {"machine", u"机", QT_TRANSLATE_NOOP("Improvement", "Machines and systems")},
    {"material", u"料", QT_TRANSLATE_NOOP("Improvement", "Materials and documents")},
    {"method", u"法", QT_TRANSLATE_NOOP("Improvement", "Methods and process")},
    {"environment", u"环", QT_TRANSLATE_NOOP("Improvement", "Environment")},
    {"measurement", u"测", QT_TRANSLATE_NOOP("Improvement", "Measurement")},
};

template <typename E, std::size_t N> std::optional<E> fromCodeIn(const Coded (&table)[N], const QString& code)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (code == QLatin1String(table[i].code)) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

/** "−35 %" / "+12 %": a signed whole percentage with a real minus sign. */
QString signedPercent(double fraction)
{
    const long long value = std::llround(fraction * 100.0);
    if (value < 0) {
        return QStringLiteral("\u2212%1 %").arg(-value);
    }
    return QStringLiteral("+%1 %").arg(value);
}
} // namespace

namespace ImprovementStatuses {
QList<ImprovementStatus> all()
{
    return {ImprovementStatus::Open, ImprovementStatus::InProgress, ImprovementStatus::Done,
            ImprovementStatus::Cancelled};
}
QString code(ImprovementStatus status)
{
    return QString::fromLatin1(kStatuses[static_cast<int>(status)].code);
}
std::optional<ImprovementStatus> fromCode(const QString& code)
{
    return fromCodeIn<ImprovementStatus>(kStatuses, code);
}
QString label(ImprovementStatus status)
{
    return tr(kStatuses[static_cast<int>(status)].label);
}
bool isActive(ImprovementStatus status)
{
    return status == ImprovementStatus::Open || status == ImprovementStatus::InProgress;
}
} // namespace ImprovementStatuses

namespace ImprovementSources {
QString code(ImprovementSource source)
{
    return QString::fromLatin1(kSources[static_cast<int>(source)].code);
}
std::optional<ImprovementSource> fromCode(const QString& code)
{
    return fromCodeIn<ImprovementSource>(kSources, code);
}
QString label(ImprovementSource source)
{
    return tr(kSources[static_cast<int>(source)].label);
}
} // namespace ImprovementSources

namespace FishboneBranches {
QList<FishboneBranch> all()
{
    return {FishboneBranch::People, FishboneBranch::Machine,     FishboneBranch::Material,
            FishboneBranch::Method, FishboneBranch::Environment, FishboneBranch::Measurement};
}
QString code(FishboneBranch branch)
{
    return QString::fromLatin1(kBranches[static_cast<int>(branch)].code);
}
std::optional<FishboneBranch> fromCode(const QString& code)
{
    for (int i = 0; i < kFishboneBranches; ++i) {
        if (code == QLatin1String(kBranches[i].code)) {
            return static_cast<FishboneBranch>(i);
        }
    }
    return std::nullopt;
}
QString label(FishboneBranch branch)
{
    //: a bone of the fishbone diagram: its name and its character of 人机料法环测
    return QCoreApplication::translate("Improvement", "%1 (%2)")
        .arg(tr(kBranches[static_cast<int>(branch)].label), hanzi(branch));
}
QString hanzi(FishboneBranch branch)
{
    return QString::fromUtf16(kBranches[static_cast<int>(branch)].hanzi);
}
} // namespace FishboneBranches

int Fishbone::causeCount() const
{
    int n = 0;
    for (const auto& causes : branches) {
        n += int(causes.size());
    }
    return n;
}

std::optional<double> EffectCheck::casesChange() const
{
    if (!before.casesPerWeek || !after.casesPerWeek || *before.casesPerWeek <= 0) {
        return std::nullopt;
    }
    return *after.casesPerWeek / *before.casesPerWeek - 1.0;
}

std::optional<double> EffectCheck::csatChange() const
{
    if (!before.csat || !after.csat) {
        return std::nullopt;
    }
    return *after.csat - *before.csat;
}

QString EffectCheck::casesSentence() const
{
    if (after.days() < 7) {
        return tr("Less than a week has passed since the action: too early to judge its effect.");
    }
    const auto change = casesChange();
    if (!change) {
        if (before.cases == 0 && after.cases == 0) {
            return tr("No cases of this category and service item before or since the action.");
        }
        return tr("No cases of this category and service item in the weeks before the action.");
    }
    if (std::llround(*change * 100.0) == 0) {
        return tr("As many cases per week as before the action (%1).").arg(signedPercent(*change));
    }
    if (*change < 0) {
        return tr("Fewer cases per week since the action (%1).").arg(signedPercent(*change));
    }
    return tr("More cases per week since the action (%1).").arg(signedPercent(*change));
}

QString EffectCheck::csatSentence() const
{
    const auto change = csatChange();
    if (!change) {
        return tr("Not enough ratings to compare satisfaction (CSAT).");
    }
    const long long points = std::llround(*change * 100.0);
    if (points == 0) {
        return tr("Satisfaction (CSAT) is unchanged.");
    }
    if (points > 0) {
        return tr("Satisfaction (CSAT) rose by %1 percentage points.").arg(points);
    }
    return tr("Satisfaction (CSAT) fell by %1 percentage points.").arg(-points);
}

namespace Improvements {

ImprovementDraft draftFromAlert(const Dashboard::SystemicAlert& alert, const QDate& today)
{
    ImprovementDraft d;
    const QString category = alert.category.isEmpty() ? tr("No category") : alert.category;
    const QString item = alert.serviceItem.isEmpty() ? tr("No service item") : alert.serviceItem;
    d.title = QCoreApplication::translate("Improvement", "%1 · %2: %n repeated complaint(s)", nullptr,
                                          int(alert.caseIds.size()))
                  .arg(category, item);
    d.description = tr("Flagged by the dashboard: %1 cases from %2 to %3.")
                        .arg(alert.caseIds.size())
                        .arg(alert.windowFrom.toString(Qt::ISODate), alert.windowTo.toString(Qt::ISODate));
    d.categoryId = alert.categoryId;
    d.serviceItemId = alert.serviceItemId;
    d.caseIds = alert.caseIds;
    d.deadline = today.addDays(30);
    d.source = ImprovementSource::Alert;
    d.fishbone.problem = d.title.left(kMaxProblemChars);
    return d;
}

ImprovementDraft draftFromCase(const Case& c, const QDate& today)
{
    ImprovementDraft d;
    const QString category = c.category.name.isEmpty() ? tr("No category") : c.category.name;
    const QString item = c.serviceItem.name.isEmpty() ? tr("No service item") : c.serviceItem.name;
    d.title = tr("%1 · %2: systemic cause").arg(category, item);
    d.description = tr("Opened from case %1: %2").arg(c.caseNo, c.summary(200));
    d.categoryId = c.category.id;
    d.serviceItemId = c.serviceItem.id;
    if (c.id != 0) {
        d.caseIds = {c.id};
    }
    d.deadline = today.addDays(30);
    d.source = ImprovementSource::Case;
    d.fishbone.problem = d.title.left(kMaxProblemChars);
    return d;
}

FiveWhys normalized(const FiveWhys& whys)
{
    FiveWhys n;
    for (const Why& w : whys.whys) {
        Why t{w.question.trimmed(), w.answer.trimmed()};
        if (!t.question.isEmpty() || !t.answer.isEmpty()) {
            n.whys.append(t);
        }
    }
    n.rootCause = whys.rootCause.trimmed();
    n.countermeasure = whys.countermeasure.trimmed();
    return n;
}

Fishbone normalized(const Fishbone& fishbone)
{
    Fishbone n;
    n.problem = fishbone.problem.trimmed();
    for (int b = 0; b < kFishboneBranches; ++b) {
        for (const FishboneCause& c : fishbone.branches[b]) {
            FishboneCause t;
            t.text = c.text.trimmed();
            for (const QString& s : c.subCauses) {
                if (!s.trimmed().isEmpty()) {
                    t.subCauses.append(s.trimmed());
                }
            }
            if (!t.text.isEmpty()) {
                n.branches[b].append(t);
            }
        }
    }
    return n;
}

QString validateFields(const ImprovementDraft& draft)
{
    const QString title = draft.title.trimmed();
    if (title.isEmpty()) {
        return tr("Give the action a title.");
    }
    if (title.size() > kMaxTitleChars) {
        return tr("The title is longer than %1 characters.").arg(kMaxTitleChars);
    }
    if (draft.description.trimmed().size() > kMaxDescriptionChars) {
        return tr("The description is longer than %1 characters.").arg(kMaxDescriptionChars);
    }
    if (draft.ownerDepartmentId == 0) {
        return tr("Choose the department that owns the action.");
    }
    if (!draft.deadline.isValid()) {
        return tr("Set the action's deadline.");
    }
    if (draft.caseIds.size() > kMaxLinkedCases) {
        return tr("An action links at most %1 cases.").arg(kMaxLinkedCases);
    }
    return {};
}

QString validateWhys(const FiveWhys& whys)
{
    if (whys.whys.size() > kMaxWhys) {
        return tr("The chain has more than %1 whys.").arg(kMaxWhys);
    }
    for (int i = 0; i < whys.whys.size(); ++i) {
        const Why& w = whys.whys.at(i);
        if (w.question.isEmpty()) {
            return tr("Why %1 has an answer but no question.").arg(i + 1);
        }
        if (w.question.size() > kMaxWhyChars || w.answer.size() > kMaxWhyChars) {
            return tr("Why %1 is longer than %2 characters.").arg(i + 1).arg(kMaxWhyChars);
        }
    }
    if (whys.rootCause.size() > kMaxRootCauseChars) {
        return tr("The root cause is longer than %1 characters.").arg(kMaxRootCauseChars);
    }
    if (whys.countermeasure.size() > kMaxRootCauseChars) {
        return tr("The countermeasure is longer than %1 characters.").arg(kMaxRootCauseChars);
    }
    return {};
}

QString validateFishbone(const Fishbone& fishbone)
{
    if (fishbone.causeCount() > 0 && fishbone.problem.isEmpty()) {
        return tr("Name the problem at the head of the fishbone.");
    }
    if (fishbone.problem.size() > kMaxProblemChars) {
        return tr("The fishbone's problem is longer than %1 characters.").arg(kMaxProblemChars);
    }
    for (FishboneBranch b : FishboneBranches::all()) {
        const auto& causes = fishbone.causes(b);
        if (causes.size() > kMaxCausesPerBranch) {
            return tr("The bone %1 has more than %2 causes.").arg(FishboneBranches::label(b)).arg(kMaxCausesPerBranch);
        }
        for (const FishboneCause& c : causes) {
            if (c.text.size() > kMaxCauseChars) {
                return tr("A cause on the bone %1 is longer than %2 characters.")
                    .arg(FishboneBranches::label(b))
                    .arg(kMaxCauseChars);
            }
            if (c.subCauses.size() > kMaxSubCauses) {
                return tr("The cause \"%1\" has more than %2 sub-causes.").arg(c.text).arg(kMaxSubCauses);
            }
            for (const QString& s : c.subCauses) {
                if (s.size() > kMaxCauseChars) {
                    return tr("A sub-cause of \"%1\" is longer than %2 characters.").arg(c.text).arg(kMaxCauseChars);
                }
            }
        }
    }
    return {};
}

EffectPeriod beforePeriod(const QDate& created, int weeks)
{
    EffectPeriod p;
    p.from = created.addDays(-7LL * weeks);
    p.to = created.addDays(-1);
    return p;
}

EffectPeriod afterPeriod(const QDate& created, int weeks, const QDate& today)
{
    EffectPeriod p;
    p.from = created;
    p.to = std::min(created.addDays(7LL * weeks - 1), today);
    if (p.to < p.from) { // created today or a clock behind: nothing after yet
        p.to = p.from.addDays(-1);
    }
    return p;
}

void fill(EffectPeriod& period, const Metrics::Figures& figures)
{
    period.cases = figures.cases;
    const int days = period.days();
    period.casesPerWeek = days > 0 ? std::optional<double>(double(figures.cases) * 7.0 / days) : std::nullopt;
    period.csat = figures.csat;
    period.csatN = figures.csatN;
}

} // namespace Improvements
