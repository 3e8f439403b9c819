resource "aws_kinesis_stream" "orders" {
  name        = "orders"
  shard_count = 1
}

# A producer with a typo in an action.
data "aws_iam_policy_document" "producer" {
  statement {
    actions   = ["kinesis:PutRecordz", "kinesis:PutRecords", "kinesis:ListShards"]
    resources = [aws_kinesis_stream.orders.arn]
  }
}

resource "aws_iam_policy" "producer" {
  name   = "orders-producer"
  policy = data.aws_iam_policy_document.producer.json
}
