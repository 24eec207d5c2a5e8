/** @file
 * @brief Results as Markdown tables: a row per metric, a column per system, then the
 *        ratio of the first system (tracuu) to each of the others.
 */
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace tracuu::bench {

/// A side-by-side table; pastes into bench/README.md as it is printed.
class ComparisonTable {
public:
    /// @p systems names the value columns, tracuu first.
    ComparisonTable(std::string title, std::vector<std::string> systems);

    /// A metric row; nullopt where a system was not measured. @p decimals for the values;
    /// without @p ratios the ratio cells stay empty (for counts, where a ratio means nothing).
    void add(std::string metric, std::vector<std::optional<double>> values, int decimals = 3, bool ratios = true);

    void print(std::ostream& out) const;

private:
    struct Row {
        std::string metric;
        std::vector<std::optional<double>> values;
        int decimals;
        bool ratios;
    };
    std::string title_;
    std::vector<std::string> systems_;
    std::vector<Row> rows_;
};

}  // namespace tracuu::bench
