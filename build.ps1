# Windows wrapper over the same dotnet commands the README gives.
#   ./build.ps1 restore | build | test | run [hwgen arguments...]
param(
    [ValidateSet('restore', 'build', 'test', 'run')]
    [string]$Task = 'build',
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]]$HwGenArgs = @()
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
switch ($Task) {
    'restore' { dotnet restore HwGen.sln }
    'build'   { dotnet build HwGen.sln -c Release }
    'test'    { dotnet test tests/HwGen.Tests }
    'run'     { if ($HwGenArgs.Count -eq 0) { $HwGenArgs = @('run') }; dotnet run --project src/HwGen.Cli -c Release -- @HwGenArgs }
}
exit $LASTEXITCODE
