// mgcalc/people/authority.hpp - the bodies whose magnesium reference intakes mgcalc ships.
//
// Each authority's table, its citation and how far it was confirmed: docs/reference-intakes.md
// and docs/sources.md. IOM 1997 is the default everywhere.
#pragma once

#include <mgcalc/detail/strings.hpp>
#include <mgcalc/error.hpp>
#include <mgcalc/result.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace mgcalc {

/// Whose reference intakes: the US/Canadian Institute of Medicine (the default), the European
/// Food Safety Authority, WHO/FAO, the UK Committee on Medical Aspects of Food Policy, the
/// German, Austrian and Swiss nutrition societies, or Australia/New Zealand (which adopted the
/// IOM 1997 numbers, so `anz` reports IOM's values under the ANZ citation).
enum class authority { iom, efsa, who, uk, dach, anz };

inline constexpr std::array all_authorities{authority::iom, authority::efsa, authority::who,
                                            authority::uk,  authority::dach, authority::anz};

/// How far a value was confirmed: in the authority's own text, or only in secondary copies of it
/// that agree with each other (docs/sources.md). Unconfirmed values are never shipped.
enum class confidence { confirmed, secondary };
/// "confirmed" or "secondary".
constexpr std::string_view to_string(confidence c) noexcept { return c == confidence::confirmed ? "confirmed" : "secondary"; }

/// Who set the values and where they are printed.
struct authority_info {
    mgcalc::authority id;
    std::string_view key;       ///< "efsa": the word for --authority and the log's profile
    std::string_view name;      ///< "EFSA 2015": body and year, as reports name the table
    std::string_view citation;  ///< the full reference, with its DOI or address
    std::string_view covers;    ///< the life stages its table has, for errors: "ages from 6 months, ..."
};

namespace detail {
// The citations: docs/sources.md, "Reference intakes of other authorities". string_view literals
// ("..."sv), so that the compiler does not count their characters one by one (docs/performance.md).
using namespace std::string_view_literals;
inline constexpr std::array<authority_info, 6> authority_infos{{
    {authority::iom, "iom"sv, "IOM 1997"sv,
     "Institute of Medicine (1997). Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and "
     "Fluoride. National Academy Press. doi:10.17226/5776; Daily Values: FDA, 81 FR 33742 (2016), 21 CFR 101.9"sv,
     "all ages from birth; pregnancy and lactation"sv},
    {authority::efsa, "efsa"sv, "EFSA 2015"sv,
     "EFSA NDA Panel (2015). Scientific Opinion on Dietary Reference Values for magnesium. EFSA Journal "
     "13(7):4186. doi:10.2903/j.efsa.2015.4186; supplemental UL: SCF (2001), in EFSA (2006) Tolerable Upper "
     "Intake Levels for Vitamins and Minerals"sv,
     "ages from 6 months (EFSA's \"7-11 months\" onwards); pregnancy and lactation"sv},
    {authority::who, "who"sv, "WHO/FAO 2004"sv,
     "WHO/FAO (2004). Vitamin and mineral requirements in human nutrition, 2nd edition, Annex 1 (p. 338). "
     "World Health Organization, Geneva"sv,
     "all ages from birth (0-6 months by feeding: breast-fed or formula-fed); pregnancy and lactation"sv},
    {authority::uk, "uk"sv, "COMA 1991"sv,
     "Department of Health (1991). Dietary Reference Values for Food Energy and Nutrients for the United "
     "Kingdom. Report on Health and Social Subjects 41. HMSO, London"sv,
     "ages from 1 year; no infant, pregnancy or lactation values"sv},
    {authority::dach, "dach"sv, "D-A-CH 2021"sv,
     "Deutsche Gesellschaft fuer Ernaehrung, Oesterreichische Gesellschaft fuer Ernaehrung, Schweizerische "
     "Gesellschaft fuer Ernaehrung (2021). Referenzwerte fuer die Naehrstoffzufuhr: Magnesium (Schaetzwerte, "
     "derived 2021). https://www.dge.de/wissenschaft/referenzwerte/magnesium/"sv,
     "all ages from birth; pregnancy and lactation"sv},
    {authority::anz, "anz"sv, "NHMRC/MoH 2006 (ANZ NRV, adopting IOM 1997)"sv,
     "NHMRC and NZ Ministry of Health (2006). Nutrient Reference Values for Australia and New Zealand: "
     "Magnesium (unchanged in the 2017 revision); the values are those of IOM 1997 (doi:10.17226/5776)"sv,
     "all ages from birth; pregnancy and lactation (the IOM 1997 table)"sv},
}};
}  // namespace detail

/// Who set an authority's values, and where.
constexpr const authority_info& info(authority a) noexcept { return detail::authority_infos[static_cast<std::size_t>(a)]; }

namespace detail {
constexpr bool infos_in_enum_order() {
    for (std::size_t i = 0; i < authority_infos.size(); ++i) {
        if (authority_infos[i].id != all_authorities[i] || static_cast<std::size_t>(all_authorities[i]) != i) return false;
    }
    return true;
}
static_assert(infos_in_enum_order(), "info(a) indexes authority_infos by the enum's value");
}  // namespace detail

/// "iom", "efsa", "who", "uk", "dach" or "anz".
constexpr std::string_view to_string(authority a) noexcept { return info(a).key; }

/// One of the words to_string gives, any case; throws mgcalc::error (parse_error) naming them.
inline authority parse_authority(std::string_view text) {
    const std::string word = detail::to_lower(detail::trim(text));
    for (authority a : all_authorities)
        if (word == to_string(a)) return a;
    throw error(errc::parse_error,
                detail::concat({"unknown reference authority ", detail::quoted(text),
                               ": expected iom, efsa, who, uk, dach or anz"}),
                {}, std::string(text));
}

/// parse_authority's twin: the error instead of throwing it.
inline result<authority> try_parse_authority(std::string_view text) {
    return detail::try_parse([&] { return parse_authority(text); });
}

}  // namespace mgcalc
