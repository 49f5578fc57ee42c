; Inno Setup 6 script: a per-user installer of the oaoi-desktop bundle for Windows 10/11.
; Built by scripts\build-bundle.ps1 (iscc /DAppVersion=X scripts\bundle\oaoi-desktop.iss)
; from build\bundle\dist\oaoi-desktop.  No administrator rights: it installs under
; %LOCALAPPDATA%\Programs\oaoi-desktop.  The data folder (%LOCALAPPDATA%\oaoi-desktop:
; database, backups, settings) is separate and is never removed by an update or an
; uninstall.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1B7C52-3C0E-4E0B-9A53-0A01D1E5C0DE}
AppName=oaoi-desktop
AppVersion={#AppVersion}
AppPublisher=oaoi-desktop developers
DefaultDirName={localappdata}\Programs\oaoi-desktop
DefaultGroupName=oaoi-desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
OutputDir=..\..\dist
OutputBaseFilename=oaoi-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=THIRD-PARTY.md
UninstallDisplayName=oaoi-desktop {#AppVersion}
CloseApplications=yes

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
; An update replaces the program folder whole; the data folder lives elsewhere.
Source: "..\..\build\bundle\dist\oaoi-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\oaoi-desktop"; Filename: "{app}\oaoi-desktop.exe"
Name: "{userdesktop}\oaoi-desktop"; Filename: "{app}\oaoi-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\oaoi-desktop.exe"; Description: "{cm:LaunchProgram,oaoi-desktop}"; Flags: nowait postinstall skipifsilent
