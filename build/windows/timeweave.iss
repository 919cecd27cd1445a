; Inno Setup 6 script for the Windows installer. UNVERIFIED: written on Linux, never compiled or
; run on Windows here. Build the one-folder app on Windows first (build\build.py runs PyInstaller
; and stops there), then:
;   iscc /DAppVersion=0.1.0 build\windows\timeweave.iss
; Output: dist\timeweave-<version>-windows-x64-setup.exe, a per-user or per-machine install with a
; Start-menu entry. timeweave.exe is the window; timeweave-cli.exe has a console for
; `extract` and `--self-test`.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z timeweave.iss
#endif

[Setup]
AppId=org.timeweave.Timeweave
AppName=Timeweave
AppVersion={#AppVersion}
AppPublisher=Timeweave developers
DefaultDirName={autopf}\Timeweave
DefaultGroupName=Timeweave
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\timeweave.ico
UninstallDisplayIcon={app}\timeweave.exe
OutputDir=..\..\dist
OutputBaseFilename=timeweave-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "..\..\dist\timeweave\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Timeweave"; Filename: "{app}\timeweave.exe"
Name: "{autodesktop}\Timeweave"; Filename: "{app}\timeweave.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\timeweave.exe"; Description: "Start Timeweave"; Flags: nowait postinstall skipifsilent
