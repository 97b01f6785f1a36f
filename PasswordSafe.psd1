@{
    RootModule           = 'PasswordSafe.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '4dbc4f77-69f9-4a1c-8eae-78a8fde58a22'
    Author               = 'PasswordSafe contributors'
    CompanyName          = 'PasswordSafe contributors'
    Copyright            = '(c) PasswordSafe contributors. MIT licence.'
    Description          = 'PowerShell module for the BeyondTrust Password Safe / BeyondInsight public API v3: API key, OAuth, 2FA and client-certificate sign-in, credential checkout, and administration. Ships with a local emulator for testing runbooks without a server.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PasswordSafe.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-PasswordSafe'
        'Disconnect-PasswordSafe'
        'Get-PasswordSafeSession'
        'Test-PasswordSafeSession'
        'Use-PasswordSafeSession'
        'Invoke-PSRestMethod'
        'Get-PSManagedAccount'
        'New-PSRequest'
        'Get-PSRequest'
        'Approve-PSRequest'
        'Deny-PSRequest'
        'Complete-PSRequest'
        'Set-PSRequest'
        'Get-PSCredential'
        'Use-PSCredential'
        'New-PSAccessSession'
        'Get-PSIsaCredential'
        'New-PSIsaSession'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    HelpInfoURI          = 'https://github.com/PasswordSafe/PasswordSafe/tree/main/en-US'
    PrivateData          = @{
        PSData = @{
            Tags         = @('BeyondTrust', 'PasswordSafe', 'BeyondInsight', 'PAM', 'Secrets', 'Credential', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/PasswordSafe/PasswordSafe/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/PasswordSafe/PasswordSafe'
            ReleaseNotes = 'Foundation: sessions (API key, OAuth, 2FA, client certificates), emulator.'
        }
    }
}
