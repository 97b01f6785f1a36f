namespace PasswordSafe.Emulator;

/// <summary>What a release request is for (api-v3 §3.2): read the credential, or open an RDP, SSH or application session.</summary>
public enum AccessType
{
    View,
    RDP,
    SSH,
    App,
}
