using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PasswordSafe.Internal;

/// <summary>Reads a SecureString only at the moment a header or form is built, zeroing the unmanaged copy.</summary>
internal static class SecureStringReader
{
    public static string? ToPlainText(SecureString? secure)
    {
        if (secure == null || secure.Length == 0)
        {
            return secure == null ? null : string.Empty;
        }

        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    public static bool IsNullOrWhiteSpace(SecureString? secure) => string.IsNullOrWhiteSpace(ToPlainText(secure));

    public static unsafe SecureString FromPlainText(string text)
    {
        // One copy into protected memory; AppendChar per character reallocates and re-protects each time.
        SecureString secure;
        if (text.Length == 0)
        {
            secure = new SecureString();
        }
        else
        {
            fixed (char* chars = text)
            {
                secure = new SecureString(chars, text.Length);
            }
        }

        secure.MakeReadOnly();
        return secure;
    }
}
