#include "ImportFormat.h"

#include "cases/CitizenValidator.h"

#include <QDateTime>
#include <QRegularExpression>

namespace {
enum CaseField
{
    CaseNo,
    ReceivedAt,
    ChannelField,
    Window,
    ServiceItem,
    Category,
    CitizenKey,
    WaitedMinutes,
    Summary,
    AcknowledgedAt,
    AnsweredAt,
    ResolvedAt,
    ClosedAt,
    Rating,
    Nps,
    Transfers,
};
enum QueueField
{
    Ticket,
    QueueServiceItem,
    QueueWindow,
    IssuedAt,
    CalledAt,
    FinishedAt,
};

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0xFEFF);
}

QStringView trimmed(QStringView s)
{
    qsizetype from = 0;
    qsizetype to = s.size();
    while (from < to && isSpace(s[from])) {
        ++from;
    }
    while (to > from && isSpace(s[to - 1])) {
        --to;
    }
    return s.sliced(from, to - from);
}

/** Reads 1..maxDigits digits at `*pos`. */
bool digits(QStringView s, qsizetype* pos, int minDigits, int maxDigits, int* value)
{
    int n = 0;
    int v = 0;
    while (*pos < s.size() && n < maxDigits && s[*pos] >= u'0' && s[*pos] <= u'9') {
        v = v * 10 + (s[*pos].unicode() - u'0');
        ++*pos;
        ++n;
    }
    *value = v;
    return n >= minDigits;
}

bool expect(QStringView s, qsizetype* pos, std::initializer_list<char16_t> allowed)
{
    if (*pos >= s.size()) {
        return false;
    }
    for (char16_t c : allowed) {
        if (s[*pos] == c) {
            ++*pos;
            return true;
        }
    }
    return false;
}

/** A value shown in a message: at most 40 characters. */
QString shown(QStringView v)
{
    return v.size() > 40 ? v.left(40).toString() + QStringLiteral("…") : v.toString();
}
} // namespace

const QList<ImportFormat::Field>& ImportFormat::fields(Import::Kind kind)
{
    static const QList<Field> cases{
        {QStringLiteral("case_no"), QStringLiteral("案件编号"), true},
        {QStringLiteral("received_at"), QStringLiteral("受理时间"), true},
        {QStringLiteral("channel"), QStringLiteral("渠道"), true},
        {QStringLiteral("window"), QStringLiteral("窗口"), false},
        {QStringLiteral("service_item"), QStringLiteral("事项"), false},
        {QStringLiteral("category"), QStringLiteral("类别"), false},
        {QStringLiteral("citizen_key"), QStringLiteral("市民标识"), false},
        {QStringLiteral("waited_minutes"), QStringLiteral("等候分钟"), false},
        {QStringLiteral("summary"), QStringLiteral("摘要"), false},
        {QStringLiteral("acknowledged_at"), QStringLiteral("首次响应时间"), false},
        {QStringLiteral("answered_at"), QStringLiteral("答复时间"), false},
        {QStringLiteral("resolved_at"), QStringLiteral("办结时间"), false},
        {QStringLiteral("closed_at"), QStringLiteral("关闭时间"), false},
        {QStringLiteral("rating"), QStringLiteral("满意度"), false},
        {QStringLiteral("nps"), QStringLiteral("推荐度"), false},
        {QStringLiteral("transfers"), QStringLiteral("转办次数"), false},
    };
    static const QList<Field> queue{
        {QStringLiteral("ticket"), QStringLiteral("票号"), true},
        {QStringLiteral("service_item"), QStringLiteral("事项"), false},
        {QStringLiteral("window"), QStringLiteral("窗口"), false},
        {QStringLiteral("issued_at"), QStringLiteral("取号时间"), true},
        {QStringLiteral("called_at"), QStringLiteral("叫号时间"), false},
        {QStringLiteral("finished_at"), QStringLiteral("办结时间"), false},
    };
    return kind == Import::Kind::Cases ? cases : queue;
}

QString ImportFormat::headerKey(const QString& header)
{
    return trimmed(header).toString().toLower();
}

ImportFormat::ImportFormat(Import::Kind kind, const QStringList& header)
    : m_kind(kind)
{
    const QList<Field>& all = fields(kind);
    m_columnOf = QList<int>(all.size(), -1);
    QHash<QString, int> byKey;
    for (int f = 0; f < all.size(); ++f) {
        byKey.insert(all[f].name, f);
        byKey.insert(all[f].chinese, f);
    }
    for (int c = 0; c < header.size(); ++c) {
        Import::ColumnMatch match{header[c], QString()};
        const int f = byKey.value(headerKey(header[c]), -1);
        if (f >= 0) {
            if (m_columnOf[f] >= 0) {
                if (m_problem.isEmpty()) {
                    m_problem =
                        tr("line 1: the columns \"%1\" and \"%2\" are both %3; keep one of them.")
                            .arg(trimmed(header[m_columnOf[f]]).toString(), trimmed(header[c]).toString(), all[f].name);
                }
            } else {
                m_columnOf[f] = c;
                match.field = all[f].name;
            }
        }
        m_columns.append(match);
    }
    QStringList missingNames;
    for (int f = 0; f < all.size(); ++f) {
        if (all[f].required && m_columnOf[f] < 0) {
            m_missing << all[f].name;
            missingNames << QStringLiteral("%1 (%2)").arg(all[f].name, all[f].chinese);
        }
    }
    if (!m_missing.isEmpty()) {
        m_problem = tr("line 1: the header lacks the required column(s) %1; nothing was imported.")
                        .arg(missingNames.join(QStringLiteral(", ")));
    }
}

QStringView ImportFormat::value(const CsvParser::Record& record, int field) const
{
    const int c = m_columnOf[field];
    return c >= 0 && c < record.fields.size() ? trimmed(record.fields[c]) : QStringView();
}

QString ImportFormat::columnName(int field) const
{
    const int c = m_columnOf[field];
    const QString name = c >= 0 ? trimmed(m_columns[c].header).toString() : QString();
    return name.isEmpty() ? fields(m_kind)[field].name : name;
}

std::optional<qint64> ImportFormat::parseTime(QStringView text) const
{
    const QStringView s = trimmed(text);
    qsizetype pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, &pos, 4, 4, &year) || !expect(s, &pos, {u'-', u'/'}) || !digits(s, &pos, 1, 2, &month) ||
        !expect(s, &pos, {u'-', u'/'}) || !digits(s, &pos, 1, 2, &day) || !expect(s, &pos, {u' ', u'T'})) {
        return std::nullopt;
    }
    while (pos < s.size() && s[pos] == u' ') {
        ++pos;
    }
    if (!digits(s, &pos, 1, 2, &hour) || !expect(s, &pos, {u':'}) || !digits(s, &pos, 2, 2, &minute)) {
        return std::nullopt;
    }
    if (pos < s.size() && (!expect(s, &pos, {u':'}) || !digits(s, &pos, 2, 2, &second))) {
        return std::nullopt;
    }
    if (pos != s.size() || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    if (!date.isValid()) {
        return std::nullopt;
    }
    const qint64 secs = hour * 3600 + minute * 60 + second;
    // Local midnight per day, computed once: the day's times are offsets from it where the day has 24 hours (no
    // change of the zone's offset that day); otherwise every time goes through QDateTime.
    auto it = m_midnights.constFind(date.toJulianDay());
    if (it == m_midnights.cend()) {
        const qint64 midnight = QDateTime(date, QTime(0, 0)).toSecsSinceEpoch();
        const qint64 last = QDateTime(date, QTime(23, 59, 59)).toSecsSinceEpoch();
        it = m_midnights.insert(date.toJulianDay(), last - midnight == 86399 ? midnight : -1);
    }
    if (*it != -1) {
        return *it + secs;
    }
    return QDateTime(date, QTime(hour, minute, second)).toSecsSinceEpoch();
}

bool ImportFormat::time(const CsvParser::Record& record, int field, bool required, qint64* into, QString* reason) const
{
    const QStringView v = value(record, field);
    if (v.isEmpty()) {
        if (required) {
            *reason = tr("%1 is required.").arg(columnName(field));
            return false;
        }
        *into = 0;
        return true;
    }
    const auto t = parseTime(v);
    if (!t) {
        *reason = tr("%1 \"%2\" is not a date-time (YYYY-MM-DD HH:MM[:SS]).").arg(columnName(field), shown(v));
        return false;
    }
    *into = *t;
    return true;
}

bool ImportFormat::number(const CsvParser::Record& record, int field, int low, int high, int* into,
                          QString* reason) const
{
    const QStringView v = value(record, field);
    if (v.isEmpty()) {
        return true; // *into keeps its default
    }
    // Whole numbers; spreadsheets sometimes write them as "5.0".
    qsizetype pos = v.startsWith(u'+') ? 1 : 0;
    int n = 0;
    bool ok = digits(v, &pos, 1, 9, &n);
    if (ok && pos < v.size() && v[pos] == u'.') {
        ++pos;
        while (pos < v.size() && v[pos] == u'0') {
            ++pos;
        }
    }
    ok = ok && pos == v.size();
    if (!ok || n < low || n > high) {
        *reason = high == std::numeric_limits<int>::max()
                      ? tr("%1 \"%2\" is not a whole number of %3 or more.").arg(columnName(field), shown(v)).arg(low)
                      : tr("%1 \"%2\" is not a whole number from %3 to %4.")
                            .arg(columnName(field), shown(v))
                            .arg(low)
                            .arg(high);
        return false;
    }
    *into = n;
    return true;
}

bool ImportFormat::text(const CsvParser::Record& record, int field, int maxChars, QString* into, QString* reason) const
{
    const QStringView v = value(record, field);
    if (v.size() > maxChars) {
        *reason = tr("%1 \"%2\" is longer than %3 characters.").arg(columnName(field), shown(v)).arg(maxChars);
        return false;
    }
    *into = v.toString();
    return true;
}

bool ImportFormat::common(const CsvParser::Record& record, QString* reason) const
{
    if (!record.problem.isEmpty()) {
        *reason = record.problem;
        return false;
    }
    for (int c = 0; c < record.fields.size(); ++c) {
        if (c < m_columns.size() && !m_columns[c].field.isEmpty() && record.fields[c].contains(QChar(0))) {
            *reason = tr("%1 holds a NUL character (a broken or binary file).").arg(trimmed(m_columns[c].header));
            return false;
        }
    }
    return true;
}

bool ImportFormat::caseRow(const CsvParser::Record& record, Import::CaseRow* row, QString* reason) const
{
    *row = Import::CaseRow();
    row->line = record.line;
    if (!common(record, reason)) {
        return false;
    }
    if (value(record, CaseNo).isEmpty()) {
        *reason = tr("%1 is required.").arg(columnName(CaseNo));
        return false;
    }
    if (!text(record, CaseNo, kMaxCaseNoChars, &row->caseNo, reason) ||
        !time(record, ReceivedAt, true, &row->receivedAt, reason)) {
        return false;
    }
    const QStringView channel = value(record, ChannelField);
    if (channel.isEmpty()) {
        *reason = tr("%1 is required.").arg(columnName(ChannelField));
        return false;
    }
    const auto c = Channels::fromCode(channel.toString());
    if (!c) {
        *reason = tr("%1 \"%2\" is not a channel (window 窗口, phone 电话, online 网上, hotline_12345 12345, "
                     "social_media 社交媒体, letter 信件, staff_report 员工上报).")
                      .arg(columnName(ChannelField), shown(channel));
        return false;
    }
    row->channel = *c;
    QString key;
    if (!text(record, Window, kMaxNameChars, &row->window, reason) ||
        !text(record, ServiceItem, kMaxNameChars, &row->serviceItem, reason) ||
        !text(record, Category, kMaxNameChars, &row->category, reason) ||
        !text(record, CitizenKey, kMaxCitizenKeyChars, &key, reason) ||
        !number(record, WaitedMinutes, 0, std::numeric_limits<int>::max(), &row->waitedMinutes, reason) ||
        !text(record, Summary, kMaxSummaryChars, &row->summary, reason) ||
        !time(record, AcknowledgedAt, false, &row->acknowledgedAt, reason) ||
        !time(record, AnsweredAt, false, &row->answeredAt, reason) ||
        !time(record, ResolvedAt, false, &row->resolvedAt, reason) ||
        !time(record, ClosedAt, false, &row->closedAt, reason) || !number(record, Rating, 1, 5, &row->rating, reason) ||
        !number(record, Nps, 0, 10, &row->nps, reason) ||
        !number(record, Transfers, 0, std::numeric_limits<int>::max(), &row->transfers, reason)) {
        return false;
    }
    static const QRegularExpression idNumber(QStringLiteral("^(\\d{17}[\\dXx]|\\d{15})$"));
    if (idNumber.match(key).hasMatch()) {
        row->idNumber = CitizenValidator::normalizedIdNumber(key);
    } else {
        row->phone = key;
    }
    for (const auto& [field, at] :
         {std::pair{AcknowledgedAt, row->acknowledgedAt}, std::pair{AnsweredAt, row->answeredAt},
          std::pair{ResolvedAt, row->resolvedAt}, std::pair{ClosedAt, row->closedAt}}) {
        if (at != 0 && at < row->receivedAt) {
            *reason = tr("%1 \"%2\" lies before %3 \"%4\".")
                          .arg(columnName(field), value(record, field).toString(), columnName(ReceivedAt),
                               value(record, ReceivedAt).toString());
            return false;
        }
    }
    if (row->closedAt != 0 && row->resolvedAt != 0 && row->closedAt < row->resolvedAt) {
        *reason = tr("%1 \"%2\" lies before %3 \"%4\".")
                      .arg(columnName(ClosedAt), value(record, ClosedAt).toString(), columnName(ResolvedAt),
                           value(record, ResolvedAt).toString());
        return false;
    }
    return true;
}

bool ImportFormat::queueRow(const CsvParser::Record& record, Import::QueueRow* row, QString* reason) const
{
    *row = Import::QueueRow();
    row->line = record.line;
    if (!common(record, reason)) {
        return false;
    }
    if (value(record, Ticket).isEmpty()) {
        *reason = tr("%1 is required.").arg(columnName(Ticket));
        return false;
    }
    if (!text(record, Ticket, kMaxTicketChars, &row->ticket, reason) ||
        !text(record, QueueServiceItem, kMaxNameChars, &row->serviceItem, reason) ||
        !text(record, QueueWindow, kMaxNameChars, &row->window, reason) ||
        !time(record, IssuedAt, true, &row->issuedAt, reason) ||
        !time(record, CalledAt, false, &row->calledAt, reason) ||
        !time(record, FinishedAt, false, &row->finishedAt, reason)) {
        return false;
    }
    if (row->calledAt != 0 && row->calledAt < row->issuedAt) {
        *reason = tr("%1 \"%2\" lies before %3 \"%4\".")
                      .arg(columnName(CalledAt), value(record, CalledAt).toString(), columnName(IssuedAt),
                           value(record, IssuedAt).toString());
        return false;
    }
    if (row->finishedAt != 0 && row->calledAt == 0) {
        *reason = tr("%1 \"%2\" is given but %3 is empty: a visit is finished only after it was called.")
                      .arg(columnName(FinishedAt), value(record, FinishedAt).toString(), columnName(CalledAt));
        return false;
    }
    if (row->finishedAt != 0 && row->finishedAt < row->calledAt) {
        *reason = tr("%1 \"%2\" lies before %3 \"%4\".")
                      .arg(columnName(FinishedAt), value(record, FinishedAt).toString(), columnName(CalledAt),
                           value(record, CalledAt).toString());
        return false;
    }
    row->issuedDay = QDateTime::fromSecsSinceEpoch(row->issuedAt).date().toString(Qt::ISODate);
    return true;
}

QString Import::citizenKey(const CaseRow& row)
{
    if (!row.idNumber.isEmpty()) {
        return QLatin1Char('i') + row.idNumber;
    }
    return row.phone.isEmpty() ? QString() : QLatin1Char('p') + CitizenValidator::normalizedPhone(row.phone);
}
