/** @file
 * @brief Markdown comparison tables.
 */
#include "bench/table.hpp"

#include <cstdio>

namespace tracuu::bench {
namespace {

std::string format(std::optional<double> value, int decimals) {
    if (!value) return "–";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
    return buffer;
}

}  // namespace

ComparisonTable::ComparisonTable(std::string title, std::vector<std::string> systems)
    : title_(std::move(title)), systems_(std::move(systems)) {}

void ComparisonTable::add(std::string metric, std::vector<std::optional<double>> values, int decimals, bool ratios) {
    values.resize(systems_.size());
    rows_.push_back({std::move(metric), std::move(values), decimals, ratios});
}

void ComparisonTable::print(std::ostream& out) const {
    out << "\n### " << title_ << "\n\n| metric |";
    for (const std::string& system : systems_) out << ' ' << system << " |";
    for (std::size_t i = 1; i < systems_.size(); ++i) out << ' ' << systems_[0] << " ÷ " << systems_[i] << " |";
    out << "\n|---|";
    for (std::size_t i = 0; i + 1 < 2 * systems_.size(); ++i) out << "---:|";
    out << '\n';
    for (const Row& row : rows_) {
        out << "| " << row.metric << " |";
        for (const auto& value : row.values) out << ' ' << format(value, row.decimals) << " |";
        for (std::size_t i = 1; i < row.values.size(); ++i) {
            const auto& mine = row.values[0];
            const auto& theirs = row.values[i];
            const bool defined = row.ratios && mine && theirs && *theirs != 0;
            out << ' ' << (defined ? format(*mine / *theirs, 2) : "–") << " |";
        }
        out << '\n';
    }
    out.flush();
}

}  // namespace tracuu::bench
