// JSON number text to double in native builds: strtod, correctly rounded by
// glibc. See json_number.hpp.
#include "json_number.hpp"

#include <cstdlib>

namespace edjwt::json {

double json_number(const char* text, std::size_t) { return std::strtod(text, nullptr); }

}  // namespace edjwt::json
