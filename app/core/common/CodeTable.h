#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

/**
 * A fixed table that maps an enum to its stable code (stored, printed by the CLI) and to a label for people.
 * Labels are marked with QT_TRANSLATE_NOOP(context, ...) where the table is written and translated here.
 */
template <typename Enum> struct CodeEntry
{
    Enum value;
    const char* code;
    const char* label;
};

template <typename Enum, std::size_t N> class CodeTable
{
public:
    constexpr CodeTable(const char* context, const CodeEntry<Enum> (&entries)[N])
        : m_context(context)
        , m_entries(entries)
    {}

    QList<Enum> values() const
    {
        QList<Enum> result;
        for (const auto& e : m_entries) {
            result.append(e.value);
        }
        return result;
    }

    QString code(Enum value) const
    {
        const auto* e = find(value);
        return e ? QString::fromLatin1(e->code) : QString();
    }

    std::optional<Enum> fromCode(const QString& code) const
    {
        for (const auto& e : m_entries) {
            if (code == QLatin1String(e.code)) {
                return e.value;
            }
        }
        return std::nullopt;
    }

    QString label(Enum value) const
    {
        const auto* e = find(value);
        return e ? QCoreApplication::translate(m_context, e->label) : QString();
    }

    const CodeEntry<Enum>* begin() const { return m_entries; }
    const CodeEntry<Enum>* end() const { return m_entries + N; }

private:
    const CodeEntry<Enum>* find(Enum value) const
    {
        for (const auto& e : m_entries) {
            if (e.value == value) {
                return &e;
            }
        }
        return nullptr;
    }

    const char* m_context;
    const CodeEntry<Enum> (&m_entries)[N];
};
