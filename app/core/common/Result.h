#pragma once

#include <QString>

#include <utility>
#include <variant>

/** Why an operation failed: a category the caller can act on plus a message for the user. */
struct Error
{
    enum class Code
    {
        PermissionDenied,  ///< the session's role may not do this
        InvalidTransition, ///< the case lifecycle refuses the action
        NotFound,
        Invalid,        ///< input failed validation
        Conflict,       ///< a unique value exists already
        Authentication, ///< wrong login or password, or a disabled account
        Storage,        ///< the database failed
        Incompatible,   ///< the database is not ours, is corrupt or is newer than this build
        SessionEnded,   ///< the logged-in account was disabled or its role changed: log in again
    };

    Code code = Code::Storage;
    QString message; ///< translated, one line, ready to show

    static Error make(Code code, QString message) { return Error{code, std::move(message)}; }
};

/** A value or the Error that prevented it: the return type of repositories and services. */
template <typename T> class Result
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): returning a value is success
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/** Success without a value, or an Error. */
template <> class Result<void>
{
public:
    Result() = default;
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_failed(true)
        , m_error(std::move(error))
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;
