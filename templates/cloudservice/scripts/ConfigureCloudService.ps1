# Startup task (elevated, simple): runs to completion before the role starts, and again after
# every restart of the instance, so each step first checks whether it is already done. Any failure
# ends it with exit code 1 and a line saying what failed, which keeps the role from starting
# without its packages. Log: bin\logs\ConfigureCloudService.log (written by ps.cmd).
. (Join-Path $PSScriptRoot 'Common.ps1')

# IIS runs Python through FastCGI, which needs the CGI feature; the emulator uses the local IIS.
function Enable-IisCgi {
    Import-Module ServerManager
    if ((Get-WindowsFeature -Name 'Web-CGI').Installed) {
        Write-Log 'The IIS feature Web-CGI is already installed'
        return
    }
    Write-Log 'Installing the IIS feature Web-CGI'
    $result = Install-WindowsFeature -Name 'Web-CGI'
    if (-not $result.Success) { throw "Installing the IIS feature Web-CGI failed: $($result.ExitCode)" }
}

# The folder IIS serves: a copy of the role under %RoleRoot%\sitesroot\0 in Azure, the role
# folder itself in the emulator.
function Get-SiteRoot {
    param([bool]$Emulated)
    if (-not $Emulated -and $env:RoleRoot) {
        $siteRoot = Join-Path $env:RoleRoot 'sitesroot\0'
        if (Test-Path -LiteralPath (Join-Path $siteRoot 'web.config') -PathType Leaf) { return $siteRoot }
    }
    return $RoleRoot
}

function Get-WfastcgiPath {
    param([Parameter(Mandatory = $true)][string]$Python)
    $ErrorActionPreference = 'Continue'
    # Located without importing it: wfastcgi starts watching files when imported.
    # (Double quotes inside native arguments are lost by Windows PowerShell, hence the single ones.)
    $path = & $Python -c 'import importlib.util; print(importlib.util.find_spec(''wfastcgi'').origin)'
    if ($LASTEXITCODE -ne 0 -or -not $path) { throw 'wfastcgi is not installed: requirements.txt must list it.' }
    return "$path".Trim()
}

# Registers python.exe|wfastcgi.py as a FastCGI application once; IIS refuses duplicates.
function Register-FastCgi {
    param([Parameter(Mandatory = $true)][string]$Python, [Parameter(Mandatory = $true)][string]$Wfastcgi)
    $appcmd = Join-Path $env:windir 'system32\inetsrv\appcmd.exe'
    $ErrorActionPreference = 'Continue'
    $listed = & $appcmd list config '-section:system.webServer/fastCgi'
    if ($LASTEXITCODE -ne 0) { throw "appcmd could not list the FastCGI applications (exit code $LASTEXITCODE)" }
    $ErrorActionPreference = 'Stop'
    $registered = ([xml]($listed -join "`n")).SelectNodes('//application') |
        Where-Object { $_.GetAttribute('fullPath') -eq $Python -and $_.GetAttribute('arguments') -eq $Wfastcgi }
    if ($registered) {
        Write-Log "The FastCGI application $Python|$Wfastcgi is already registered"
        return
    }
    Invoke-Checked $appcmd @('set', 'config', '-section:system.webServer/fastCgi', "/+[fullPath='$Python',arguments='$Wfastcgi',maxInstances='0']", '/commit:apphost')
}

# Sets an appSettings entry of web.config; returns whether it changed.
function Set-AppSetting {
    param([Parameter(Mandatory = $true)][System.Xml.XmlDocument]$Config, [Parameter(Mandatory = $true)][string]$Key, [string]$Value)
    $appSettings = $Config.SelectSingleNode('/configuration/appSettings')
    if ($null -eq $appSettings) {
        $appSettings = $Config.DocumentElement.PrependChild($Config.CreateElement('appSettings'))
    }
    $entry = $appSettings.SelectSingleNode("add[@key='$Key']")
    if ($null -eq $entry) {
        $entry = $appSettings.AppendChild($Config.CreateElement('add'))
        $entry.SetAttribute('key', $Key)
    } elseif ($entry.GetAttribute('value') -eq $Value) {
        return $false
    }
    $entry.SetAttribute('value', $Value)
    return $true
}

# Points web.config at this instance: the PythonHandler's scriptProcessor must equal the
# registered FastCGI application, PYTHONPATH must hold the site root, and the role's settings
# become app settings.
function Update-WebConfig {
    param([Parameter(Mandatory = $true)][string]$SiteRoot, [Parameter(Mandatory = $true)][string]$ScriptProcessor)
    $path = Join-Path $SiteRoot 'web.config'
    $config = New-Object System.Xml.XmlDocument
    $config.PreserveWhitespace = $true
    $config.Load($path)
    $handler = $config.SelectSingleNode("/configuration/system.webServer/handlers/add[@name='PythonHandler']")
    if ($null -eq $handler) { throw "$path has no PythonHandler; IIS needs it to run the app." }
    $changed = $false
    if ($handler.GetAttribute('scriptProcessor') -ne $ScriptProcessor) {
        $handler.SetAttribute('scriptProcessor', $ScriptProcessor)
        $changed = $true
    }
    $changed = (Set-AppSetting $config 'PYTHONPATH' $SiteRoot) -or $changed
    $changed = (Set-AppSetting $config 'WSGI_LOG' (Join-Path $LogDirectory 'wfastcgi.log')) -or $changed
    foreach ($name in $AppSettingVariables) {
        $value = [Environment]::GetEnvironmentVariable($name)
        if (-not $value) { throw "$name is empty: give the role's setting for it a value in ServiceConfiguration.*.cscfg." }
        $changed = (Set-AppSetting $config $name $value) -or $changed
    }
    if ($changed) {
        $config.Save($path)
        Write-Log "Updated $path for $ScriptProcessor"
    } else {
        Write-Log "$path is already up to date"
    }
}

# A Django site collects its static files (hashed names that WhiteNoise serves) with the same
# settings IIS gives the app: web.config's appSettings.
function Invoke-CollectStatic {
    param([Parameter(Mandatory = $true)][string]$Python, [Parameter(Mandatory = $true)][string]$SiteRoot)
    $managePy = Join-Path $SiteRoot 'manage.py'
    if (-not (Test-Path -LiteralPath $managePy -PathType Leaf)) { return }
    $config = New-Object System.Xml.XmlDocument
    $config.Load((Join-Path $SiteRoot 'web.config'))
    foreach ($setting in $config.SelectNodes('/configuration/appSettings/add')) {
        [Environment]::SetEnvironmentVariable($setting.GetAttribute('key'), $setting.GetAttribute('value'), 'Process')
    }
    Push-Location -LiteralPath $SiteRoot
    try {
        Invoke-Checked $Python @($managePy, 'collectstatic', '--noinput')
    } finally {
        Pop-Location
    }
}

try {
    # EMULATED comes from the csdef (RoleEnvironment/Deployment/@emulated).
    $emulated = $env:EMULATED -eq 'true'
    $isWebRole = Test-Path -LiteralPath (Join-Path $RoleRoot 'web.config') -PathType Leaf
    Write-Log ('Configuring {0} as a {1} role{2}' -f $RoleRoot, $(if ($isWebRole) { 'web' } else { 'worker' }), $(if ($emulated) { ' in the emulator' } else { '' }))
    if ($isWebRole -and -not $emulated) { Enable-IisCgi }
    $python = Install-Python
    Invoke-Checked $python @('-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--requirement', (Join-Path $RoleRoot 'requirements.txt'))
    if ($isWebRole) {
        $wfastcgi = Get-WfastcgiPath $python
        Register-FastCgi $python $wfastcgi
        $siteRoot = Get-SiteRoot $emulated
        Update-WebConfig $siteRoot "$python|$wfastcgi"
        Invoke-CollectStatic $python $siteRoot
    }
    Write-Log 'ConfigureCloudService.ps1 finished'
    exit 0
} catch {
    Write-Log "ConfigureCloudService.ps1 failed: $($_.Exception.Message)"
    [Console]::Error.WriteLine("ConfigureCloudService.ps1 failed: $($_.Exception.Message)")
    exit 1
}
