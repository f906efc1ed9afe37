// The value of a JSON number's text, for the JSON reader (json_object.cpp):
// the double nearest to it, as JSON.parse and strtod both round it, and
// ±infinity past the largest double (which the reader then refuses as an
// overflow). `text` holds `length` bytes of RFC 8259 number syntax, already
// checked by the lexer, followed by a NUL. Only numbers with a fraction or an
// exponent come here; nlohmann reads integers itself.
//
// Two implementations, one per build: natively strtod
// (json_number_native.cpp); in the wasm module the JS engine's Number()
// (wasm/bindings.cpp), the very conversion JSON.parse makes, because musl's
// strtod computes in software long double, whose code was 4 KB gzip of the
// module (bench/README.md).
#pragma once

#include <cstddef>

namespace edjwt::json {

double json_number(const char* text, std::size_t length);

}  // namespace edjwt::json
