// mgcalc/result.hpp - a value or the mgcalc::error that explains why there is none: what the
// non-throwing twin of a parser returns (`try_parse_serving` beside `parse_serving`).
//
// Shaped like C++23 std::expected<T, mgcalc::error> (has_value, value, error, operator*), so that
// code moves to it unchanged once mgcalc requires C++23. An app that reads user input in a loop
// calls the twin and shows `error().message()` beside the entry; the throwing parser is the
// twin's `.value()`.
#pragma once

#include <mgcalc/error.hpp>

#include <optional>
#include <utility>

namespace mgcalc {

template <class T>
class [[nodiscard]] result {
public:
    result(T value) : value_(std::move(value)) {}               // NOLINT: implicit by design
    result(mgcalc::error failure) : error_(std::move(failure)) {}  // NOLINT: implicit by design

    bool has_value() const noexcept { return value_.has_value(); }
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; throws the error when there is none.
    const T& value() const& {
        if (!has_value()) throw *error_;
        return *value_;
    }
    T&& value() && {
        if (!has_value()) throw *error_;
        return *std::move(value_);
    }
    /// The value, or `fallback` when there is none.
    T value_or(T fallback) const& { return has_value() ? *value_ : std::move(fallback); }

    /// Only with a value (has_value()), as std::expected.
    const T& operator*() const& noexcept { return *value_; }
    const T* operator->() const noexcept { return &*value_; }

    /// Only without a value (!has_value()).
    const mgcalc::error& error() const& noexcept { return *error_; }

private:
    // Two optionals, exactly one engaged, rather than a std::variant: the same behaviour, and
    // std::variant's machinery, instantiated for every T, is the costlier to compile.
    std::optional<T> value_;
    std::optional<mgcalc::error> error_;
};

namespace detail {
/// A parser's twin: the parser's value, or the mgcalc::error it would have thrown.
template <class Parse>
auto try_parse(Parse&& parse) -> result<decltype(parse())> {
    try {
        return parse();
    } catch (const mgcalc::error& failure) {
        return failure;
    }
}
}  // namespace detail

}  // namespace mgcalc
