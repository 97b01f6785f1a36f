using System.Management.Automation;

namespace PasswordSafe.Internal;

/// <summary>Maps each stable error id to the <see cref="ErrorCategory"/> the contract gives it.</summary>
internal static class ErrorCategories
{
    public static ErrorCategory For(string errorId)
    {
        switch (errorId)
        {
            case ErrorIds.NotConnected: return ErrorCategory.InvalidOperation;
            case ErrorIds.InvalidUri:
            case ErrorIds.HttpsRequired:
            case ErrorIds.InvalidApiKey:
            case ErrorIds.ValidationFailed:
            case ErrorIds.InputNotUsable: return ErrorCategory.InvalidArgument;
            case ErrorIds.AuthenticationFailed:
            case ErrorIds.ApiKeyRejected:
            case ErrorIds.SessionExpired:
            case ErrorIds.TwoFactorRequired:
            case ErrorIds.TwoFactorFailed:
            case ErrorIds.OAuthClientRejected: return ErrorCategory.AuthenticationError;
            case ErrorIds.LicenseInvalid:
            case ErrorIds.PermissionDenied: return ErrorCategory.PermissionDenied;
            case ErrorIds.ApiDisabled: return ErrorCategory.NotEnabled;
            case ErrorIds.ObjectNotFound:
            case ErrorIds.CertificateNotFound:
            case ErrorIds.AccountNotFound:
            case ErrorIds.AliasNotFound:
            case ErrorIds.RequestNotFound:
            case ErrorIds.RequestNotActive: return ErrorCategory.ObjectNotFound;
            case ErrorIds.AmbiguousAccount:
            case ErrorIds.OutFileRequired: return ErrorCategory.InvalidArgument;
            // 4034: the request exists but cannot be used until an approver acts.
            case ErrorIds.RequestNotApproved: return ErrorCategory.ResourceUnavailable;
            case ErrorIds.Conflict: return ErrorCategory.ResourceExists;
            // Use-PSCredential ran the block but could not end the request: a resource left open.
            case ErrorIds.CheckInFailed: return ErrorCategory.CloseError;
            case ErrorIds.ServerError: return ErrorCategory.InvalidResult;
            case ErrorIds.InvalidServerResponse: return ErrorCategory.InvalidData;
            case ErrorIds.ConnectionFailed: return ErrorCategory.ConnectionError;
            case ErrorIds.ServerCertificateUntrusted: return ErrorCategory.SecurityError;
            case ErrorIds.Timeout: return ErrorCategory.OperationTimeout;
            case ErrorIds.Throttled: return ErrorCategory.LimitsExceeded;
            default: return ErrorCategory.NotSpecified;
        }
    }
}
