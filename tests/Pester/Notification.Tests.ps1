#Requires -Version 7.4
# Send-WANotification against moto: what is published arrives at an SQS queue subscribed to the topic, read
# back with the AWS CLI.

BeforeAll {
    Set-StrictMode -Version Latest
    Import-Module $env:WAOPS_MODULE_MANIFEST -Force
    Import-Module (Join-Path $PSScriptRoot '../Support/WAOps.TestSupport.psm1') -Force
    $script:Moto = Start-MotoServer -Name 'Notification.Tests'
    $script:Aws = Get-TestAwsParameter -Server $script:Moto -Region eu-west-1
    $cli = @{ Server = $script:Moto; Region = 'eu-west-1' }
    $script:Topic = (Invoke-TestAwsCli @cli -Arguments 'sns', 'create-topic', '--name', 'ops-nightly').TopicArn
    $queueUrl = (Invoke-TestAwsCli @cli -Arguments 'sqs', 'create-queue', '--queue-name', 'ops-inbox').QueueUrl
    $queueArn = (Invoke-TestAwsCli @cli -Arguments 'sqs', 'get-queue-attributes', '--queue-url', $queueUrl, '--attribute-names', 'QueueArn').Attributes.QueueArn
    $null = Invoke-TestAwsCli @cli -Arguments 'sns', 'subscribe', '--topic-arn', $script:Topic, '--protocol', 'sqs', '--notification-endpoint', $queueArn
    $script:QueueUrl = $queueUrl

    function Receive-Published {
        $received = Invoke-TestAwsCli -Server $script:Moto -Region eu-west-1 -Arguments 'sqs', 'receive-message', '--queue-url', $script:QueueUrl, '--max-number-of-messages', '10'
        if (-not $received) { return @() }
        foreach ($message in $received.Messages) {
            $null = Invoke-TestAwsCli -Server $script:Moto -Region eu-west-1 -Arguments 'sqs', 'delete-message', '--queue-url', $script:QueueUrl, '--receipt-handle', $message.ReceiptHandle
            $message.Body | ConvertFrom-Json
        }
    }
}

AfterAll {
    $script:Moto | Stop-MotoServer
}

Describe 'Send-WANotification' {
    It 'publishes a message with its subject to the topic' {
        $receipt = Send-WANotification @script:Aws -TopicArn $script:Topic -Subject 'Nightly dev cleanup' -Message 'Stopped 2 instances.'
        $receipt.MessageId | Should -Not -BeNullOrEmpty
        $receipt.Bytes | Should -Be 20
        $published = @(Receive-Published)
        $published.Count | Should -Be 1
        $published[0].Subject | Should -Be 'Nightly dev cleanup'
        $published[0].Message | Should -Be 'Stopped 2 instances.'
    }

    It 'renders piped objects as PowerShell shows them' {
        [pscustomobject]@{ Resource = 'i-0abc'; Outcome = 'Stopped' }, [pscustomobject]@{ Resource = 'vol-1'; Outcome = 'Deleted' } |
            Send-WANotification @script:Aws -TopicArn $script:Topic -Subject 'Report' | Out-Null
        $text = (@(Receive-Published))[0].Message
        $text | Should -Match 'Resource\s+Outcome'
        $text | Should -Match 'vol-1\s+Deleted'
    }

    It 'publishes nothing under -WhatIf' {
        $null = Send-WANotification @script:Aws -TopicArn $script:Topic -Message 'not sent' -WhatIf
        @(Receive-Published).Count | Should -Be 0
    }

    It 'refuses <Name> before publishing' -ForEach @(
        @{ Name = 'a malformed topic ARN'; Arguments = @{ TopicArn = 'arn:aws:sqs:eu-west-1:123456789012:q'; Message = 'x' }; ErrorId = 'InvalidSnsTopicArn' }
        @{ Name = 'a subject over 100 characters'; Arguments = @{ Subject = 'x' * 101; Message = 'x' }; ErrorId = 'InvalidNotificationSubject' }
        @{ Name = 'a subject with a line break'; Arguments = @{ Subject = "a`nb"; Message = 'x' }; ErrorId = 'InvalidNotificationSubject' }
        @{ Name = 'an empty message'; Arguments = @{ Message = '' }; ErrorId = 'InvalidNotificationMessage' }
        @{ Name = 'a message over 256 KB'; Arguments = @{ Message = 'x' * (256 * 1024 + 1) }; ErrorId = 'InvalidNotificationMessage' }
    ) {
        # (PowerShell variable names ignore case: $call, not $arguments, beside -ForEach's $Arguments.)
        $call = @{ TopicArn = $script:Topic }
        foreach ($key in $Arguments.Keys) { $call[$key] = $Arguments[$key] }
        $error = { Send-WANotification @script:Aws @call -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*" -PassThru
        "$($error.CategoryInfo.Category)" | Should -Be 'InvalidArgument'
        @(Receive-Published).Count | Should -Be 0
    }
}
