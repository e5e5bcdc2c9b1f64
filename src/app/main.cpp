#include "app/application.h"

int main(int argc, char *argv[])
{
    return ConsignDesk::runApplication(argc, argv);
}
