namespace Tradewind.Configuration.Settings;

/// <summary><c>notifications.email</c>: alerts by e-mail over SMTP.</summary>
public sealed record EmailSettings
{
    /// <summary>Whether alerts are e-mailed.</summary>
    [Setting("Whether alerts are e-mailed; needs smtp_host, from and at least one address in to.")]
    public bool Enabled { get; init; }

    /// <summary>The SMTP server's host name.</summary>
    [Setting("The SMTP server's host name.")]
    public string SmtpHost { get; init; } = "localhost";

    /// <summary>The SMTP server's port.</summary>
    [Setting("The SMTP server's port.", Minimum = 1, Maximum = 65535)]
    public int SmtpPort { get; init; } = 587;

    /// <summary>Whether the connection is encrypted (STARTTLS).</summary>
    [Setting("Whether the connection is encrypted (STARTTLS).")]
    public bool UseTls { get; init; } = true;

    /// <summary>SMTP user name; empty for no authentication.</summary>
    [Setting("SMTP user name; empty for no authentication.")]
    public string Username { get; init; } = "";

    /// <summary>SMTP password (a secret).</summary>
    [Setting("SMTP password (secret: reference ${SMTP_PASSWORD}).")]
    public string Password { get; init; } = "";

    /// <summary>The sender address.</summary>
    [Setting("The sender address.")]
    public string From { get; init; } = "tradewind@localhost";

    /// <summary>The recipients.</summary>
    [Setting("The recipient addresses.")]
    public IReadOnlyList<string> To { get; init; } = [];
}
