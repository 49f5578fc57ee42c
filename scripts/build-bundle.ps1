# Build the self-contained Windows bundle of oaoi-desktop (PyInstaller, one folder) and,
# when Inno Setup 6 is installed, a per-user installer that needs no administrator rights.
#
#   powershell -ExecutionPolicy Bypass -File scripts\build-bundle.ps1
#
# Needs: Python 3.11+ (python.org installer, "py" launcher) and, for the installer,
# Inno Setup 6 (iscc.exe on PATH or in its default folder).  It uses the same spec file
# as the Linux build (scripts/bundle/oaoi-desktop.spec).  This script cannot run on the
# project's Linux CI; docs/install.md says how it was checked.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    py -3 -m venv .venv
}
$py = ".venv\Scripts\python.exe"
& $py -m pip install -q --disable-pip-version-check --upgrade pip
& $py -m pip install -q --disable-pip-version-check -e ".[bundle]"
$version = & $py -c "import oaoi_desktop; print(oaoi_desktop.__version__)"

if (Test-Path "build\bundle\dist") { Remove-Item -Recurse -Force "build\bundle\dist" }
& $py -m PyInstaller --noconfirm --log-level WARN --distpath build\bundle\dist --workpath build\bundle\work `
    scripts\bundle\oaoi-desktop.spec
$app = "build\bundle\dist\oaoi-desktop"
Copy-Item scripts\bundle\README-INSTALL.txt, scripts\bundle\THIRD-PARTY.md $app
New-Item -ItemType Directory -Force "$app\licences" | Out-Null
Copy-Item resources\fonts\LICENSE-DejaVu.txt "$app\licences\"
Set-Content -Path "$app\VERSION" -Value $version -NoNewline

New-Item -ItemType Directory -Force dist | Out-Null
$zip = "dist\oaoi-desktop-$version-windows-x64.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path $app -DestinationPath $zip
(Get-FileHash -Algorithm SHA256 $zip).Hash.ToLower() + "  " + (Split-Path $zip -Leaf) | Set-Content "$zip.sha256"
Write-Host "build-bundle: $zip"

$iscc = Get-Command iscc.exe -ErrorAction SilentlyContinue
if (-not $iscc) {
    $default = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
    if (Test-Path $default) { $iscc = Get-Item $default }
}
if ($iscc) {
    & $iscc.Source "/DAppVersion=$version" scripts\bundle\oaoi-desktop.iss
    $setup = "dist\oaoi-desktop-$version-setup.exe"
    (Get-FileHash -Algorithm SHA256 $setup).Hash.ToLower() + "  " + (Split-Path $setup -Leaf) | Set-Content "$setup.sha256"
    Write-Host "build-bundle: $setup"
} else {
    Write-Host "build-bundle: Inno Setup 6 not found; only the zip was made"
}
