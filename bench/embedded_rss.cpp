// Resident memory of the embedded USDA SR24 database: a benchmark, not a test.
//
// Built and run by bench/startup.sh against a build of the library:
//   g++ -std=c++20 -O2 -I include -I src bench/embedded_rss.cpp <build>/libmgcalc.a
//
// The data are constant-initialized arrays in the binary's read-only data (docs/food-data.md), so
// nothing is resident until it is read. This program reads VmRSS, RssFile and RssAnon from
// /proc/self/status (proc(5)) before touching the data, after reading every id, description and
// magnesium value through the allocation-free accessors (and find() of every id), and after at()
// of every food (every portion and measure), and prints the deltas as `key value` lines for the
// script. Because the kernel maps neighbouring file pages on a fault ("fault-around") and the
// first pages may share a page with other read-only data, the VmRSS delta can be a little below
// the data's real footprint; so it also counts, from /proc/self/pagemap (bit 63, "page present";
// kernel Documentation/admin-guide/mm/pagemap.rst), how many pages of the embedded arrays are
// resident before and after. It counts heap allocations (a replaced operator new) to show the
// accessors make none, and prints the size of the embedded arrays.
#include <mgcalc/foods/database.hpp>

#include "detail/usda_sr24_data.hpp"

#include <atomic>
#include <cstdint>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <set>
#include <span>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace {

std::atomic<std::size_t> allocations{0};

/// A field of /proc/self/status in kB ("VmRSS:	    3456 kB"); -1 if absent.
long status_kb(const std::string& name) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.compare(0, name.size() + 1, name + ":") == 0) return std::strtol(line.c_str() + name.size() + 1, nullptr, 10);
    }
    return -1;
}

struct rss {
    long total, file, anon;
};

rss measure() { return {status_kb("VmRSS"), status_kb("RssFile"), status_kb("RssAnon")}; }

void print(const char* stage, const rss& r) {
    std::printf("%s_vmrss_kb %ld\n%s_rssfile_kb %ld\n%s_rssanon_kb %ld\n", stage, r.total, stage, r.file, stage, r.anon);
}

/// Pages of the given byte ranges that are present in this process's page tables (each page
/// counted once), in kB; -1 if /proc/self/pagemap cannot be read.
template <class... Spans>
long resident_kb(const Spans&... spans) {
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    std::set<std::uintptr_t> pages;
    const auto add = [&](const auto& span) {
        const auto first = reinterpret_cast<std::uintptr_t>(span.data()) / page;
        const auto last = (reinterpret_cast<std::uintptr_t>(span.data()) + span.size_bytes() - 1) / page;
        for (std::uintptr_t p = first; p <= last; ++p) pages.insert(p);
    };
    (add(spans), ...);
    const int fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd < 0) return -1;
    long present = 0;
    for (const std::uintptr_t p : pages) {
        std::uint64_t entry = 0;
        if (pread(fd, &entry, sizeof entry, static_cast<off_t>(p * sizeof entry)) != sizeof entry) {
            close(fd);
            return -1;
        }
        if (entry >> 63) ++present;
    }
    close(fd);
    return present * static_cast<long>(page / 1024);
}

}  // namespace

// Counting allocator for this program only: every operator new form ends in these two.
void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

int main() {
    namespace data = mgcalc::detail::usda_sr24_data;
    // Measure once first so that the ifstream machinery's own pages are already resident.
    (void)measure();
    const auto embedded_resident_kb = [] {
        return resident_kb(data::text, data::foods, data::portions, data::measures);
    };
    (void)embedded_resident_kb();
    const long pages_before = embedded_resident_kb();
    const rss before = measure();

    const mgcalc::food_database& db = mgcalc::usda_sr24();
    const std::size_t allocations_before_scan = allocations.load();
    // A checksum over every byte read, printed so the reads cannot be optimized away.
    std::size_t checksum = 0;
    std::size_t unknown = 0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < db.size(); ++i) {
        for (const char c : db.id(i)) checksum = checksum * 31 + static_cast<unsigned char>(c);
        for (const char c : db.description(i)) checksum = checksum * 31 + static_cast<unsigned char>(c);
        if (const auto magnesium = db.magnesium_per_100g(i)) {
            checksum += static_cast<std::size_t>(magnesium->value() * 1000.0);
        } else {
            ++unknown;
        }
        if (db.find(db.id(i)) == i) ++found;
    }
    const std::size_t scan_allocations = allocations.load() - allocations_before_scan;
    const rss after_accessors = measure();
    const long pages_after_accessors = embedded_resident_kb();

    std::size_t portions = 0;
    for (std::size_t i = 0; i < db.size(); ++i) {
        const mgcalc::food item = db.at(i);
        for (const mgcalc::portion& p : item.portions) {
            for (const char c : p.measure) checksum = checksum * 31 + static_cast<unsigned char>(c);
            checksum += static_cast<std::size_t>(p.amount * 1000.0) + static_cast<std::size_t>(p.weight.value() * 1000.0);
            ++portions;
        }
    }
    const rss after_all = measure();
    const long pages_after_all = embedded_resident_kb();

    const std::size_t text_bytes = data::text.size_bytes() + 1;  // with the literal's NUL
    const std::size_t food_bytes = data::foods.size_bytes();
    const std::size_t portion_bytes = data::portions.size_bytes();
    const std::size_t measure_bytes = data::measures.size_bytes();

    std::printf("foods %zu\nunknown %zu\nportions %zu\nfound_by_id %zu\nchecksum %zu\n", db.size(), unknown, portions,
                found, checksum);
    std::printf("accessor_scan_allocations %zu\n", scan_allocations);
    std::printf("text_bytes %zu\nfood_record_bytes %zu\nportion_record_bytes %zu\nmeasure_record_bytes %zu\n"
                "embedded_total_bytes %zu\n",
                text_bytes, food_bytes, portion_bytes, measure_bytes,
                text_bytes + food_bytes + portion_bytes + measure_bytes);
    print("before", before);
    print("after_accessors", after_accessors);
    print("after_all", after_all);
    std::printf("delta_accessors_kb %ld\ndelta_all_kb %ld\ndelta_all_rssfile_kb %ld\ndelta_all_rssanon_kb %ld\n",
                after_accessors.total - before.total, after_all.total - before.total, after_all.file - before.file,
                after_all.anon - before.anon);
    std::printf("embedded_resident_before_kb %ld\nembedded_resident_after_accessors_kb %ld\n"
                "embedded_resident_after_all_kb %ld\n",
                pages_before, pages_after_accessors, pages_after_all);
    return 0;
}
