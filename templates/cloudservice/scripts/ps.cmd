@echo off
rem Runs a PowerShell script of this folder: ps.cmd <Script.ps1> [arguments]
rem Output is appended to logs\<Script>.log and errors to logs\<Script>.err.log next to this
rem file; the script's exit code is this file's exit code, so a failed startup task stops the
rem role and a worker's exit recycles it.
setlocal
cd /d "%~dp0" || exit /b 1
if not exist "%~dp0logs\" (mkdir "%~dp0logs" || exit /b 1)
powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Unrestricted -File "%~dp0%~1" %2 %3 %4 %5 %6 %7 %8 %9 >> "%~dp0logs\%~n1.log" 2>> "%~dp0logs\%~n1.err.log"
exit /b %ERRORLEVEL%
