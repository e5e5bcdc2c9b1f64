<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ConsignDesk</source>
        <translation>Über ConsignDesk</translation>
    </message>
    <message>
        <source>ConsignDesk logo</source>
        <translation>ConsignDesk-Logo</translation>
    </message>
    <message>
        <source>ConsignDesk</source>
        <translation>ConsignDesk</translation>
    </message>
    <message>
        <source>A back-office for consignment and resale stores: browse consignors, items, sales, payouts and warehouse stock across ConsignCloud, SimpleConsign, Consignify and Consignly, approve consignor payouts, and export reports, even offline.</source>
        <translation>Ein Backoffice für Kommissions- und Secondhand-Läden: Kommittenten, Artikel, Verkäufe, Auszahlungen und Lagerbestand aus ConsignCloud, SimpleConsign, Consignify und Consignly durchsuchen, Auszahlungen an Kommittenten freigeben und Berichte exportieren, auch offline.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>ConsignDesk: inventory, sales, consignor payouts and reports for consignment and resale stores, across ConsignCloud, SimpleConsign, Consignify and Consignly.
Without a command, the window opens; with one, it runs without a window.</source>
        <translation>ConsignDesk: Bestand, Verkäufe, Auszahlungen an Kommittenten und Berichte für Kommissions- und Secondhand-Läden, über ConsignCloud, SimpleConsign, Consignify und Consignly hinweg.
Ohne Befehl öffnet sich das Fenster; mit einem Befehl läuft es ohne Fenster.</translation>
    </message>
    <message>
        <source>A command from the list below, run without a window.</source>
        <translation>Ein Befehl aus der Liste unten, ausgeführt ohne Fenster.</translation>
    </message>
    <message>
        <source>%1; see consigndesk --help</source>
        <translation>%1; siehe consigndesk --help</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see consigndesk --help</source>
        <translation>unbekannter Befehl „%1“; siehe consigndesk --help</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::MainWindow</name>
    <message>
        <source>Consignors</source>
        <translation>Kommittenten</translation>
    </message>
    <message>
        <source>The people whose goods you sell, with their splits and balances, from every connected store. Connect a store to see them here.</source>
        <translation>Die Menschen, deren Ware Sie verkaufen, mit ihren Anteilen und Guthaben, aus jedem verbundenen Laden. Verbinden Sie einen Laden, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Everything on your floor and in your back room, with prices, statuses and consignors. Connect a store to see it here.</source>
        <translation>Alles auf Ihrer Verkaufsfläche und im Lager, mit Preisen, Status und Kommittenten. Verbinden Sie einen Laden, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Every sale with its lines, payments and status. Connect a store to see them here.</source>
        <translation>Jeder Verkauf mit seinen Positionen, Zahlungen und seinem Status. Verbinden Sie einen Laden, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>What each consignor is owed and what they have been paid. Connect a store to see it here.</source>
        <translation>Was jedem Kommittenten zusteht und was ihm ausgezahlt wurde. Verbinden Sie einen Laden, um es hier zu sehen.</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Stock held at your logistics warehouse: logistic units, product lines, serial items and expiry dates. Connect a warehouse to see it here.</source>
        <translation>Bestand in Ihrem Logistiklager: Ladeeinheiten, Produktpositionen, Serienartikel und Verfallsdaten. Verbinden Sie ein Lager, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Sales, inventory, aging, consignor and warehouse reports, for your accountant, your owner or a consignor. Connect a store to build them.</source>
        <translation>Berichte zu Verkäufen, Bestand, Lagerdauer, Kommittenten und Lager, für Ihre Buchhaltung, die Inhaberin oder einen Kommittenten. Verbinden Sie einen Laden, um sie zu erstellen.</translation>
    </message>
    <message>
        <source>No store connected yet</source>
        <translation>Noch kein Laden verbunden</translation>
    </message>
    <message>
        <source>Show the %1 pane</source>
        <translation>Bereich „%1“ anzeigen</translation>
    </message>
    <message>
        <source>Connect a store first</source>
        <translation>Verbinden Sie zuerst einen Laden</translation>
    </message>
</context>
<context>
    <name>ConsignDesk::PanePage</name>
    <message>
        <source>%1 icon</source>
        <translation>Symbol „%1“</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ConsignDesk</source>
        <translation>ConsignDesk</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Choose what to browse: consignors, items, sales, payouts, warehouse stock or reports</source>
        <translation>Wählen Sie, was Sie durchsuchen möchten: Kommittenten, Artikel, Verkäufe, Auszahlungen, Lagerbestand oder Berichte</translation>
    </message>
    <message>
        <source>Current pane</source>
        <translation>Aktueller Bereich</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close ConsignDesk</source>
        <translation>ConsignDesk schließen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selection to the clipboard</source>
        <translation>Die Auswahl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select everything in the focused list or field</source>
        <translation>Alles in der aktiven Liste oder im aktiven Feld auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search the current pane</source>
        <translation>Im aktuellen Bereich suchen</translation>
    </message>
    <message>
        <source>Show &amp;Navigation</source>
        <translation>&amp;Navigation anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the list of panes</source>
        <translation>Die Liste der Bereiche ein- oder ausblenden</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Use the whole screen for ConsignDesk</source>
        <translation>Den ganzen Bildschirm für ConsignDesk nutzen</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what changed from every connected store</source>
        <translation>Änderungen aus jedem verbundenen Laden abrufen</translation>
    </message>
    <message>
        <source>&amp;About ConsignDesk</source>
        <translation>Ü&amp;ber ConsignDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
</TS>
