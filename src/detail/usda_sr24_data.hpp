// Internal: the layout of the embedded USDA SR24 magnesium extract. Not installed, not documented.
//
// The arrays are written at build time by src/generate/embed_usda_sr24.cpp from
// data/usda-sr24/{foods,portions}.csv into <build>/generated/usda_sr24_data.cpp, and read by
// src/foods/usda_sr24.cpp. The generator includes this header too, so both agree on the layout.
//
// Everything is constant-initialized (`constinit`): small trivially copyable records plus one
// string blob addressed by offsets, so a program that links mgcalc runs no constructor, parses
// nothing and allocates nothing for this data at start-up; the pages are mapped from the binary
// and only touched when read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>

namespace mgcalc::detail::usda_sr24_data {

/// Numbers are stored as integer thousandths: the CSV has at most 3 decimals (amounts such as
/// 0.083; grams and magnesium have 2 and 1). n / 1000.0 is the double nearest to the decimal
/// text, exactly what parsing the text gives, because n and 1000 are exact doubles and IEEE 754
/// division is correctly rounded. The generator rejects a value with more decimals.
inline constexpr double thousandths_per_unit = 1000.0;
inline constexpr int max_decimals = 3;

/// A piece of `text`.
struct text_span {
    std::uint32_t offset;
    std::uint16_t length;
};

struct food_record {
    std::uint32_t description_offset;           ///< into `text`
    std::uint32_t magnesium_mg_per_100g_milli;  ///< thousandths of a mg per 100 g; meaningless when !magnesium_known
    std::uint32_t first_portion;                ///< into `portions`
    std::uint16_t description_length;
    std::uint16_t portion_count;
    char id[6];            ///< the NDB number, 5 digits with leading zeros, NUL-terminated
    bool magnesium_known;  ///< false: not analysed (an empty CSV field), which is not 0
};

struct portion_record {
    std::uint32_t amount_milli;  ///< thousandths of `measure`
    std::uint32_t grams_milli;   ///< thousandths of a gram
    std::uint16_t measure;       ///< into `measures` (the measure words are stored once each)
};

static_assert(std::is_trivially_copyable_v<food_record> && std::is_standard_layout_v<food_record>);
static_assert(std::is_trivially_copyable_v<portion_record> && std::is_standard_layout_v<portion_record>);
static_assert(std::is_trivially_copyable_v<text_span> && std::is_standard_layout_v<text_span>);

inline constexpr std::size_t id_length = 5;

// Defined in the generated usda_sr24_data.cpp.
extern const std::span<const char> text;             ///< descriptions, then the distinct measures
extern const std::span<const text_span> measures;     ///< distinct measure words, in first-seen order
extern const std::span<const food_record> foods;      ///< sorted by id (byte-wise), ids unique
extern const std::span<const portion_record> portions;  ///< grouped by food, in the CSV's order

}  // namespace mgcalc::detail::usda_sr24_data
