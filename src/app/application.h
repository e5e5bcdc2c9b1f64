#pragma once

namespace ConsignDesk {

/// @short The whole program behind main(): a window, or a headless command.
int runApplication(int argc, char *argv[]);

} // namespace ConsignDesk
