#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Connect-PasswordSafe against the emulator over HTTPS, as a runbook test would do it: start the
    emulator on a free port, sign in with the demo key, check the session, fail with a wrong key,
    disconnect. Needs the .NET SDK (dotnet) and a built module (./build.ps1 -Build).
#>

BeforeAll {
    $repoRoot = (Resolve-Path -Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module -Name (Join-Path $repoRoot 'out/PasswordSafe/PasswordSafe.psd1') -Force -ErrorAction Stop
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')

    $emulator = Start-TestEmulator -RepositoryRoot $repoRoot -LogFolder $TestDrive
    $uri = $emulator.Uri
    $thumbprint = $emulator.Thumbprint
    $demoKeySecure = $emulator.DemoKey
    $demoKey = [System.Net.NetworkCredential]::new('', $demoKeySecure).Password
}

AfterAll {
    Get-PasswordSafeSession -All -ErrorAction SilentlyContinue | Disconnect-PasswordSafe -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Module -Name PasswordSafe -Force -ErrorAction SilentlyContinue
    if ($emulator) { Stop-TestEmulator -Emulator $emulator }
}

Describe 'Connect-PasswordSafe against the emulator' {
    It 'signs in with the demo API key and makes the session the default (B1, B2)' {
        $session = Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -PassThru

        $session.UserName | Should -Be 'demo'
        $session.IsConnected | Should -BeTrue
        $session.BaseUri.AbsoluteUri | Should -BeLike "$uri/BeyondTrust/api/public/v3/*"

        $default = Get-PasswordSafeSession
        $default.Id | Should -Be $session.Id
        Test-PasswordSafeSession | Should -BeTrue
    }

    It 'never shows the key in the session object' {
        $session = Get-PasswordSafeSession
        ($session | Format-List -Property * | Out-String) | Should -Not -Match ([regex]::Escape($demoKey))
        $session.ToString() | Should -Not -Match ([regex]::Escape($demoKey))
    }

    It 'fails with AuthenticationFailed for a wrong key (D1, D2)' {
        $wrongKey = [System.Net.NetworkCredential]::new('', ('x' * 128)).SecurePassword
        $failure = $null
        try {
            Connect-PasswordSafe -Uri $uri -ApiKey $wrongKey -RunAs demo -ServerCertificateThumbprint $thumbprint -NoDefault -ErrorAction Stop
        }
        catch {
            $failure = $_
        }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ToString() | Should -Not -Match ('x' * 128)
    }

    It 'refuses a password typed into -Uri without repeating it' {
        $failure = $null
        try { Connect-PasswordSafe -Uri 'https://admin:Typed-In-Uri-7@pam.example.test' -ApiKey $demoKeySecure -RunAs demo -NoDefault -ErrorAction Stop }
        catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidUri,*'
        $failure.TargetObject | Should -Be 'https://***@pam.example.test'
        ($failure | Out-String) | Should -Not -Match 'Typed-In-Uri-7'
    }

    It 'refuses -SkipCertificateCheck together with a pin, before sending the key' {
        { Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -SkipCertificateCheck -ServerCertificateThumbprint ('AB' * 20) -NoDefault -ErrorAction Stop } |
            Should -Throw -ErrorId 'ValidationFailed*'
    }

    It 'says how to write a proxy given without its scheme' {
        { Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -Proxy 'proxy.corp:8080' -NoDefault -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidUri*'
    }

    It 'asks the server with Test-PasswordSafeSession -Online and shows when the session ends (B2)' {
        Test-PasswordSafeSession -Online | Should -BeTrue
        $session = Get-PasswordSafeSession
        $session.IsDefault | Should -BeTrue
        $session.ExpiresAt | Should -Be ($session.LastActivity + $session.IdleTimeout)
    }

    It 'keeps the retry policy it was given on the session' {
        $session = Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -MaximumRetryCount 0 -RetryIntervalSec 1.5 -NoDefault
        $session.MaximumRetryCount | Should -Be 0
        $session.RetryIntervalSec | Should -Be 1.5
        $session.IsDefault | Should -BeFalse
        $session | Disconnect-PasswordSafe -Confirm:$false
    }

    It 'names the proxy when it cannot be reached' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        { Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -Proxy "http://127.0.0.1:$port" -NoDefault -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectionFailed*' -ExpectedMessage "*proxy 127.0.0.1:$port*"
    }

    It 'disconnects and clears the default' {
        Disconnect-PasswordSafe -Confirm:$false

        Get-PasswordSafeSession | Should -BeNullOrEmpty
        # Without a default, API cmdlets say so instead of guessing.
        { Invoke-PSRestMethod -Method Get -Path 'UserGroups' -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
    }

    It 'signs out of every session with Disconnect-PasswordSafe -All' {
        $first = Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -PassThru
        $second = Connect-PasswordSafe -Uri $uri -ApiKey $demoKeySecure -RunAs demo -ServerCertificateThumbprint $thumbprint -NoDefault

        Disconnect-PasswordSafe -All -Confirm:$false

        Get-PasswordSafeSession -All | Should -BeNullOrEmpty
        $first.IsConnected | Should -BeFalse
        $second.IsConnected | Should -BeFalse
    }
}
