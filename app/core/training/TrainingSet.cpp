#include "training/TrainingSet.h"

#include "cases/CaseStatus.h"
#include "cases/Intake.h"
#include "training/TrainingLibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {
QString tr(const char* text)
{
    return TrainingSetText::tr(text);
}

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

Error invalid(const QString& message)
{
    return Error::make(Error::Code::Invalid, message);
}

/** Reads the fields of one JSON object, remembering the first problem with its place. */
class Reader
{
public:
    Reader(const QJsonObject& object, QString place)
        : m_object(object)
        , m_place(std::move(place))
    {}

    QString text(const char* key, int maxLength, bool required = true, bool nonEmpty = false)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() && !required) {
            return {};
        }
        if (v.isUndefined()) {
            fail(key, tr("is missing"));
            return {};
        }
        if (!v.isString()) {
            fail(key, tr("must be a text"));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxLength) {
            fail(key, tr("is longer than %1 characters").arg(maxLength));
        } else if (nonEmpty && s.trimmed().isEmpty()) {
            fail(key, tr("is empty"));
        }
        return s;
    }

    QDateTime time(const char* key)
    {
        const QString s = text(key, 64);
        if (!ok()) {
            return {};
        }
        const QDateTime t = QDateTime::fromString(s, Qt::ISODate);
        if (!t.isValid()) {
            fail(key, tr("is not a time (ISO 8601)"));
        }
        return t;
    }

    QJsonArray array(const char* key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined()) {
            fail(key, tr("is missing"));
        } else if (!v.isArray()) {
            fail(key, tr("must be a list"));
        }
        return v.toArray();
    }

    std::optional<int> rating(const char* key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined()) {
            fail(key, tr("is missing"));
            return std::nullopt;
        }
        if (v.isNull()) {
            return std::nullopt;
        }
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != int(d) || d < 1 || d > 5) {
            fail(key, tr("must be a whole number from 1 to 5, or null"));
            return std::nullopt;
        }
        return int(d);
    }

    void fail(const char* key, const QString& what)
    {
        if (m_problem.isEmpty()) {
            m_problem = tr("%1, field \"%2\": %3.").arg(m_place, QLatin1String(key), what);
        }
    }
    bool ok() const { return m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; }

private:
    QJsonObject m_object;
    QString m_place;
    QString m_problem;
};

std::optional<QString> readCase(const QJsonValue& value, int number, TrainingCase& c)
{
    const QString place = tr("Case %1").arg(number);
    if (!value.isObject()) {
        return tr("%1 is not an object.").arg(place);
    }
    Reader r(value.toObject(), place);
    c.title = r.text("title", TrainingLimits::kTitle, true, true);
    c.category = r.text("category", TrainingLimits::kTitle);
    c.serviceItem = r.text("service_item", TrainingLimits::kTitle);
    c.channel = r.text("channel", TrainingLimits::kKind);
    if (r.ok() && !c.channel.isEmpty() && !Channels::fromCode(c.channel)) {
        r.fail("channel", tr("is not a known channel code"));
    }
    c.outcome = r.text("outcome", TrainingLimits::kKind);
    if (r.ok() && !c.outcome.isEmpty() && !IntakeCodes::reasonablenessFromCode(c.outcome)) {
        r.fail("outcome", tr("is not a known outcome code"));
    }
    c.rating = r.rating("rating");
    c.complaintText = r.text("complaint_text", TrainingLimits::kText);
    c.facts = r.text("facts", TrainingLimits::kText);
    c.impact = r.text("impact", TrainingLimits::kText);
    c.steps = r.text("steps", TrainingLimits::kText);
    c.trainerNote = r.text("trainer_note", TrainingLimits::kText);
    c.createdAt = r.time("created_at");
    const QJsonArray stages = r.array("stages");
    if (!r.ok()) {
        return r.problem();
    }
    QSet<DrillStage> seen;
    for (int i = 0; i < stages.size(); ++i) {
        const QString stagePlace = tr("%1, stage %2").arg(place).arg(i + 1);
        if (!stages.at(i).isObject()) {
            return tr("%1 is not an object.").arg(stagePlace);
        }
        Reader s(stages.at(i).toObject(), stagePlace);
        TrainingStage stage;
        const QString code = s.text("stage", TrainingLimits::kKind);
        const auto parsed = DrillCodes::stageFromCode(code);
        if (s.ok() && !parsed) {
            s.fail("stage", tr("is not a stage code (listen, facts, impact, steps)"));
        } else if (s.ok() && seen.contains(*parsed)) {
            s.fail("stage", tr("appears twice"));
        }
        stage.citizenText = s.text("citizen_text", TrainingLimits::kText, true, true);
        stage.emotion = s.text("emotion", TrainingLimits::kKind);
        if (s.ok() && !stage.emotion.isEmpty() && !IntakeCodes::emotionFromCode(stage.emotion)) {
            s.fail("emotion", tr("is not an emotion code"));
        }
        stage.modelAnswer = s.text("model_answer", TrainingLimits::kText);
        if (!s.ok()) {
            return s.problem();
        }
        stage.stage = *parsed;
        seen.insert(*parsed);
        c.stages.append(stage);
    }
    if (c.stages.isEmpty()) {
        return tr("%1 has no stages.").arg(place);
    }
    std::sort(c.stages.begin(), c.stages.end(),
              [](const TrainingStage& a, const TrainingStage& b) { return int(a.stage) < int(b.stage); });
    Reader again(value.toObject(), place);
    const QJsonArray timeline = again.array("timeline");
    if (!again.ok()) {
        return again.problem();
    }
    for (int i = 0; i < timeline.size(); ++i) {
        const QString eventPlace = tr("%1, timeline entry %2").arg(place).arg(i + 1);
        if (!timeline.at(i).isObject()) {
            return tr("%1 is not an object.").arg(eventPlace);
        }
        Reader e(timeline.at(i).toObject(), eventPlace);
        TrainingEvent event;
        event.at = e.time("at");
        event.kind = e.text("kind", TrainingLimits::kKind, true, true);
        event.note = e.text("note", TrainingLimits::kText);
        if (!e.ok()) {
            return e.problem();
        }
        c.timeline.append(event);
    }
    return std::nullopt;
}
} // namespace

namespace TrainingSet {
QByteArray write(const QList<TrainingCase>& cases, const QDateTime& exportedAt, const QString& hall)
{
    QJsonArray list;
    for (const TrainingCase& c : cases) {
        QJsonArray stages;
        for (const TrainingStage& s : c.stages) {
            stages.append(QJsonObject{{QStringLiteral("stage"), DrillCodes::code(s.stage)},
                                      {QStringLiteral("citizen_text"), s.citizenText},
                                      {QStringLiteral("emotion"), s.emotion},
                                      {QStringLiteral("model_answer"), s.modelAnswer}});
        }
        QJsonArray timeline;
        for (const TrainingEvent& e : c.timeline) {
            timeline.append(QJsonObject{{QStringLiteral("at"), isoTime(e.at)},
                                        {QStringLiteral("kind"), e.kind},
                                        {QStringLiteral("note"), e.note}});
        }
        list.append(QJsonObject{
            {QStringLiteral("title"), c.title},
            {QStringLiteral("category"), c.category},
            {QStringLiteral("service_item"), c.serviceItem},
            {QStringLiteral("channel"), c.channel},
            {QStringLiteral("outcome"), c.outcome},
            {QStringLiteral("rating"), c.rating ? QJsonValue(*c.rating) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("complaint_text"), c.complaintText},
            {QStringLiteral("facts"), c.facts},
            {QStringLiteral("impact"), c.impact},
            {QStringLiteral("steps"), c.steps},
            {QStringLiteral("trainer_note"), c.trainerNote},
            {QStringLiteral("created_at"), isoTime(c.createdAt)},
            {QStringLiteral("stages"), stages},
            {QStringLiteral("timeline"), timeline},
        });
    }
    QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormat)},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("exported_at"), isoTime(exportedAt)},
                     {QStringLiteral("cases"), list}};
    if (!hall.isEmpty()) {
        root.insert(QStringLiteral("hall"), hall);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QList<TrainingCase>> read(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        return invalid(tr("The file is not a training set: it is not valid JSON (%1 at byte %2).")
                           .arg(error.errorString())
                           .arg(error.offset));
    }
    if (!doc.isObject()) {
        return invalid(tr("The file is not a training set: it holds no JSON object."));
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        return invalid(tr("The file is not a training set: its \"format\" is not \"%1\".").arg(QLatin1String(kFormat)));
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != version.toInt() || version.toInt() < 1) {
        return invalid(tr("The training set's \"version\" must be a whole number from 1."));
    }
    if (version.toInt() > kVersion) {
        return invalid(tr("The training set has version %1; this program reads version %2 and older. Update the "
                          "program to import it.")
                           .arg(version.toInt())
                           .arg(kVersion));
    }
    Reader r(root, tr("The file"));
    r.time("exported_at");
    r.text("hall", TrainingLimits::kTitle, false);
    const QJsonArray cases = r.array("cases");
    if (!r.ok()) {
        return invalid(r.problem());
    }
    QList<TrainingCase> result;
    for (int i = 0; i < cases.size(); ++i) {
        TrainingCase c;
        if (const auto problem = readCase(cases.at(i), i + 1, c)) {
            return invalid(*problem);
        }
        result.append(c);
    }
    return result;
}

QList<Field> texts(const TrainingCase& c)
{
    QList<Field> fields{{tr("title"), c.title}, {tr("complaint"), c.complaintText},
                        {tr("facts"), c.facts}, {tr("impact"), c.impact},
                        {tr("steps"), c.steps}, {tr("trainer's note"), c.trainerNote}};
    for (const TrainingStage& s : c.stages) {
        const QString stage = DrillCodes::label(s.stage);
        fields.append({tr("%1: the citizen's words").arg(stage), s.citizenText});
        fields.append({tr("%1: the model answer").arg(stage), s.modelAnswer});
    }
    for (int i = 0; i < c.timeline.size(); ++i) {
        fields.append({tr("timeline entry %1").arg(i + 1), c.timeline.at(i).note});
    }
    return fields;
}
} // namespace TrainingSet
