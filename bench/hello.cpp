// The baseline of bench/startup.sh: the smallest C++ program that starts, prints and exits, built
// with the same compiler and -O2. `mgcalc report` with the embedded food data should take at most
// 3x its time as a whole process (docs/performance.md).
#include <iostream>

int main() { std::cout << "Hello, world!\n"; }
