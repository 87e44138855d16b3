# Worker role entry point (csdef ProgramEntryPoint: bin\ps.cmd LaunchWorker.ps1 worker.py): runs the
# script with the interpreter ConfigureCloudService.ps1 installed, from the role root. Its exit
# code is this script's exit code: when the worker exits, the platform recycles the role.
# Log: bin\logs\LaunchWorker.log (written by ps.cmd), the worker's own lines included.
param([Parameter(Mandatory = $true)][string]$Script)

. (Join-Path $PSScriptRoot 'Common.ps1')

try {
    $python = Get-Python
    if (-not (Test-Path -LiteralPath $python -PathType Leaf)) {
        throw "No Python at $python; the startup task ConfigureCloudService.ps1 installs it (see ConfigureCloudService.log)."
    }
    $scriptPath = Join-Path $RoleRoot $Script
    if (-not (Test-Path -LiteralPath $scriptPath -PathType Leaf)) { throw "No script at $scriptPath." }
    Set-Location -LiteralPath $RoleRoot
    $env:PYTHONUNBUFFERED = '1'
    Write-Log "Starting $python $scriptPath"
    $ErrorActionPreference = 'Continue'
    & $python $scriptPath
    $exitCode = $LASTEXITCODE
    Write-Log "$Script exited with code $exitCode"
    exit $exitCode
} catch {
    Write-Log "LaunchWorker.ps1 failed: $($_.Exception.Message)"
    [Console]::Error.WriteLine("LaunchWorker.ps1 failed: $($_.Exception.Message)")
    exit 1
}
