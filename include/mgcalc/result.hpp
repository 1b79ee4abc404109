// mgcalc/result.hpp - a value or the mgcalc::error that explains why there is none: what the
// non-throwing twin of a parser returns (`try_parse_serving` beside `parse_serving`).
//
// Shaped like C++23 std::expected<T, mgcalc::error> (has_value, value, error, operator*), so that
// code moves to it unchanged once mgcalc requires C++23. An app that reads user input in a loop
// calls the twin and shows `error().message()` beside the entry; the throwing parser is the
// twin's `.value()`.
#pragma once

#include <mgcalc/error.hpp>

#include <utility>
#include <variant>

namespace mgcalc {

template <class T>
class [[nodiscard]] result {
public:
    result(T value) : state_(std::in_place_index<0>, std::move(value)) {}                   // NOLINT: implicit by design
    result(mgcalc::error failure) : state_(std::in_place_index<1>, std::move(failure)) {}  // NOLINT: implicit by design

    bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; throws the error when there is none.
    const T& value() const& {
        if (!has_value()) throw std::get<1>(state_);
        return std::get<0>(state_);
    }
    T&& value() && {
        if (!has_value()) throw std::get<1>(state_);
        return std::get<0>(std::move(state_));
    }
    /// The value, or `fallback` when there is none.
    T value_or(T fallback) const& { return has_value() ? std::get<0>(state_) : std::move(fallback); }

    /// Only with a value (has_value()), as std::expected.
    const T& operator*() const& noexcept { return *std::get_if<0>(&state_); }
    const T* operator->() const noexcept { return std::get_if<0>(&state_); }

    /// Only without a value (!has_value()).
    const mgcalc::error& error() const& noexcept { return *std::get_if<1>(&state_); }

private:
    std::variant<T, mgcalc::error> state_;
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
